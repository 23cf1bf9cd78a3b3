/**
 * The scenario configuration (MODEL.md section 1.3): PlanWise's {@code simulation_config.yaml}
 * read as is, validated, with every rate kept as the exact decimal the user wrote. Start with
 * {@link io.planwise.model.config.ScenarioConfig}; the keys it reads are declared once, in
 * {@link io.planwise.model.config.ScenarioKey}.
 */
package io.planwise.model.config;
