/**
 * The assumption tables of MODEL.md section 1.2 (job levels, bands, hazards, comp levers, new-hire
 * distributions), read from PlanWise-compatible seed CSVs and validated before a job starts. Start
 * with {@link io.planwise.model.assumptions.Assumptions}.
 */
package io.planwise.model.assumptions;
