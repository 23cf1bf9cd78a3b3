package io.planwise.cli;

import java.util.List;

/** The assumption tables by name, as seed files and as PostgreSQL tables (MODEL.md 1.2). */
final class AssumptionTables {
    static final List<String> NAMES = List.of("config_job_levels", "config_age_bands", "config_tenure_bands",
            "config_termination_hazard_base", "config_termination_hazard_age_multipliers",
            "config_termination_hazard_tenure_multipliers", "config_promotion_hazard_base",
            "config_promotion_hazard_age_multipliers", "config_promotion_hazard_tenure_multipliers", "comp_levers",
            "config_new_hire_age_distribution", "config_new_hire_level_distribution");

    private AssumptionTables() {}
}
