package io.planwise.sql;

import io.planwise.model.assumptions.AgeWeight;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.assumptions.Band;
import io.planwise.model.assumptions.BandSet;
import io.planwise.model.assumptions.JobLevel;
import io.planwise.model.assumptions.LevelShare;
import io.planwise.model.config.ScenarioConfig;
import java.sql.SQLException;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.duckdb.DuckDBAppender;

/**
 * Loads the assumption tables into {@code seed_*} tables, from the already validated
 * {@link Assumptions} (so both engines accept and refuse exactly the same files). Values are the
 * doubles and integers the Java model computes with: salaries in dollars and in cents, distribution
 * weights as round(x × 10^6).
 *
 * <p>Lookups that depend on the scenario are resolved by {@link Assumptions} itself: the comp_levers
 * value in effect for each simulated year and level (scenario rows, else {@code default}; latest
 * fiscal_year ≤ the year, else the earliest), and the scenario's new-hire age and level
 * distributions. Everything the model does with those values happens in SQL.
 */
final class AssumptionSeeds {
    private AssumptionSeeds() {}

    static void load(DuckDbSession db, Assumptions a, ScenarioConfig config) throws SQLException {
        db.execute("CREATE OR REPLACE TABLE seed_job_levels (level_id INTEGER, level_name VARCHAR, "
                + "min_compensation DOUBLE, max_compensation DOUBLE, min_cents BIGINT, max_cents BIGINT)");
        try (DuckDBAppender rows = appender(db, "seed_job_levels")) {
            for (JobLevel l : a.jobLevels()) {
                rows.beginRow().append(l.levelId()).append(l.name()).append(l.minCompensation())
                        .append(l.maxCompensation()).append(l.minCents()).append(l.maxCents()).endRow();
            }
        }
        bands(db, "seed_age_bands", a.ageBands());
        bands(db, "seed_tenure_bands", a.tenureBands());
        multipliers(db, "seed_termination_hazard_age_multipliers", "age_band", a.ageBands(), a::terminationAgeMultiplier);
        multipliers(db, "seed_termination_hazard_tenure_multipliers", "tenure_band", a.tenureBands(),
                a::terminationTenureMultiplier);
        multipliers(db, "seed_promotion_hazard_age_multipliers", "age_band", a.ageBands(), a::promotionAgeMultiplier);
        multipliers(db, "seed_promotion_hazard_tenure_multipliers", "tenure_band", a.tenureBands(),
                a::promotionTenureMultiplier);

        db.execute("CREATE OR REPLACE TABLE seed_termination_hazard_base (base_rate_for_new_hire DOUBLE, "
                + "level_discount_factor DOUBLE, min_level_discount_multiplier DOUBLE)");
        try (DuckDBAppender rows = appender(db, "seed_termination_hazard_base")) {
            var t = a.terminationHazardBase();
            rows.beginRow().append(t.baseRateForNewHire()).append(t.levelDiscountFactor())
                    .append(t.minLevelDiscountMultiplier()).endRow();
        }
        db.execute("CREATE OR REPLACE TABLE seed_promotion_hazard_base (base_rate DOUBLE, level_dampener_factor DOUBLE)");
        try (DuckDBAppender rows = appender(db, "seed_promotion_hazard_base")) {
            var p = a.promotionHazardBase();
            rows.beginRow().append(p.baseRate()).append(p.levelDampenerFactor()).endRow();
        }

        db.execute("CREATE OR REPLACE TABLE seed_comp_levers (simulation_year INTEGER, level_id INTEGER, "
                + "merit_base DOUBLE, cola_rate DOUBLE, compensation_percentile DOUBLE, market_adjustment_multiplier DOUBLE)");
        try (DuckDBAppender rows = appender(db, "seed_comp_levers")) {
            String scenario = config.scenarioId();
            for (int year = config.startYear(); year <= config.endYear(); year++) {
                for (JobLevel l : a.jobLevels()) {
                    rows.beginRow().append(year).append(l.levelId());
                    append(rows, a.compLever(scenario, year, l.levelId(), "RAISE", "merit_base"));
                    append(rows, a.compLever(scenario, year, l.levelId(), "RAISE", "cola_rate"));
                    append(rows, a.compLever(scenario, year, l.levelId(), "HIRE", "compensation_percentile"));
                    append(rows, a.compLever(scenario, year, l.levelId(), "HIRE", "market_adjustment_multiplier"));
                    rows.endRow();
                }
            }
        }

        db.execute("CREATE OR REPLACE TABLE seed_new_hire_age_distribution (hire_age INTEGER, age_weight_micros BIGINT)");
        try (DuckDBAppender rows = appender(db, "seed_new_hire_age_distribution")) {
            for (AgeWeight w : a.newHireAgeDistribution(config.scenarioId())) {
                rows.beginRow().append(w.hireAge()).append(w.weightMicros()).endRow();
            }
        }
        db.execute("CREATE OR REPLACE TABLE seed_new_hire_level_distribution (level_id INTEGER, "
                + "distribution_micros BIGINT, use_fixed_distribution BOOLEAN)");
        try (DuckDBAppender rows = appender(db, "seed_new_hire_level_distribution")) {
            boolean fixed = a.newHireLevelDistributionFixed(config.scenarioId());
            for (LevelShare s : a.newHireLevelDistribution(config.scenarioId())) {
                rows.beginRow().append(s.levelId()).append(s.shareMicros()).append(fixed).endRow();
            }
        }
    }

    /** band_order is the band's place in the validated band list (ordered by min value). */
    private static void bands(DuckDbSession db, String table, BandSet bands) throws SQLException {
        db.execute("CREATE OR REPLACE TABLE " + table
                + " (band_id INTEGER, band_label VARCHAR, min_value INTEGER, max_value INTEGER, band_order INTEGER)");
        try (DuckDBAppender rows = appender(db, table)) {
            int order = 0;
            for (Band b : bands.bands()) {
                rows.beginRow().append(b.bandId()).append(b.label()).append(b.minValue()).append(b.maxValue())
                        .append(order++).endRow();
            }
        }
    }

    private static void multipliers(DuckDbSession db, String table, String labelColumn, BandSet bands,
            ToDoubleFunction<String> multiplier) throws SQLException {
        db.execute("CREATE OR REPLACE TABLE " + table + " (" + labelColumn + " VARCHAR, multiplier DOUBLE)");
        try (DuckDBAppender rows = appender(db, table)) {
            for (Band b : bands.bands()) {
                rows.beginRow().append(b.label()).append(multiplier.applyAsDouble(b.label())).endRow();
            }
        }
    }

    private static void append(DuckDBAppender rows, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            rows.append(value.getAsDouble());
        } else {
            rows.appendNull();
        }
    }

    private static DuckDBAppender appender(DuckDbSession db, String table) throws SQLException {
        return db.connection().createAppender(table);
    }
}
