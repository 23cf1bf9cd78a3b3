package io.planwise.model.assumptions;

import java.util.List;

/** The seed files v1 reads, by PlanWise's file names, with the columns each loader needs. */
public enum AssumptionFile {
    JOB_LEVELS("config_job_levels.csv", "level_id", "name", "min_compensation", "max_compensation"),
    AGE_BANDS("config_age_bands.csv", "band_id", "band_label", "min_value", "max_value"),
    TENURE_BANDS("config_tenure_bands.csv", "band_id", "band_label", "min_value", "max_value"),
    TERMINATION_HAZARD_BASE("config_termination_hazard_base.csv",
            "base_rate_for_new_hire", "level_discount_factor", "min_level_discount_multiplier"),
    TERMINATION_HAZARD_AGE("config_termination_hazard_age_multipliers.csv", "age_band", "multiplier"),
    TERMINATION_HAZARD_TENURE("config_termination_hazard_tenure_multipliers.csv", "tenure_band", "multiplier"),
    PROMOTION_HAZARD_BASE("config_promotion_hazard_base.csv", "base_rate", "level_dampener_factor"),
    PROMOTION_HAZARD_AGE("config_promotion_hazard_age_multipliers.csv", "age_band", "multiplier"),
    PROMOTION_HAZARD_TENURE("config_promotion_hazard_tenure_multipliers.csv", "tenure_band", "multiplier"),
    COMP_LEVERS("comp_levers.csv",
            "scenario_id", "fiscal_year", "job_level", "event_type", "parameter_name", "parameter_value"),
    NEW_HIRE_AGE_DISTRIBUTION("config_new_hire_age_distribution.csv", "scenario_id", "hire_age", "age_weight"),
    NEW_HIRE_LEVEL_DISTRIBUTION("config_new_hire_level_distribution.csv",
            "scenario_id", "level_id", "distribution_pct", "use_fixed_distribution");

    final String fileName;
    final List<String> columns;

    AssumptionFile(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    /** The seed file's name without {@code .csv}: also the name of its PostgreSQL table. */
    public String tableName() {
        return fileName.substring(0, fileName.length() - ".csv".length());
    }
}
