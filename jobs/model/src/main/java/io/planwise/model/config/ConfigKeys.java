package io.planwise.model.config;

import java.util.Set;

/** The dotted paths of the keys the v1 model reads, where PlanWise's YAML puts them. */
final class ConfigKeys {
    static final String SCENARIO_ID = "scenario_id";
    static final String START_YEAR = "simulation.start_year";
    static final String END_YEAR = "simulation.end_year";
    static final String RANDOM_SEED = "simulation.random_seed";
    static final String TARGET_GROWTH_RATE = "simulation.target_growth_rate";
    static final String TRIALS = "simulation.trials";
    static final String TOTAL_TERMINATION_RATE = "workforce.total_termination_rate";
    static final String NEW_HIRE_TERMINATION_RATE = "workforce.new_hire_termination_rate";
    static final String COLA_RATE = "compensation.cola_rate";
    static final String MERIT_BUDGET = "compensation.merit_budget";
    static final String PROMOTION_RATE_MULTIPLIER = "compensation.promotion_rate_multiplier";
    static final String PROMOTION_BASE_INCREASE_PCT = "compensation.promotion_compensation.base_increase_pct";
    static final String PROMOTION_DISTRIBUTION_RANGE = "compensation.promotion_compensation.distribution_range";
    static final String PROMOTION_MAX_CAP_PCT = "compensation.promotion_compensation.max_cap_pct";
    static final String PROMOTION_MAX_CAP_AMOUNT = "compensation.promotion_compensation.max_cap_amount";
    static final String PLAN_YEAR_END_DATE = "setup.plan_year_end_date";
    static final String MAX_REJECT_FRACTION = "setup.max_reject_fraction";

    /** Every key the model reads. */
    static final Set<String> VALUES = Set.of(SCENARIO_ID, START_YEAR, END_YEAR, RANDOM_SEED,
            TARGET_GROWTH_RATE, TRIALS, TOTAL_TERMINATION_RATE, NEW_HIRE_TERMINATION_RATE, COLA_RATE,
            MERIT_BUDGET, PROMOTION_RATE_MULTIPLIER, PROMOTION_BASE_INCREASE_PCT,
            PROMOTION_DISTRIBUTION_RANGE, PROMOTION_MAX_CAP_PCT, PROMOTION_MAX_CAP_AMOUNT,
            PLAN_YEAR_END_DATE, MAX_REJECT_FRACTION);

    /** The mappings that hold those keys; anything else inside them is reported as unused. */
    static final Set<String> SECTIONS = Set.of("simulation", "workforce", "compensation",
            "compensation.promotion_compensation", "setup");

    private ConfigKeys() {
    }
}
