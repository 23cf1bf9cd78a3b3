package io.planwise.warehouse.contract;

import static io.planwise.warehouse.contract.Column.nullable;
import static io.planwise.warehouse.contract.Column.required;
import static io.planwise.warehouse.contract.ColumnType.BIGINT;
import static io.planwise.warehouse.contract.ColumnType.BOOLEAN;
import static io.planwise.warehouse.contract.ColumnType.DATE;
import static io.planwise.warehouse.contract.ColumnType.DECIMAL_18_2;
import static io.planwise.warehouse.contract.ColumnType.DOUBLE;
import static io.planwise.warehouse.contract.ColumnType.INTEGER;
import static io.planwise.warehouse.contract.ColumnType.VARCHAR;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The marts a projection run publishes (MODEL.md section 4), declared once. The Flink job binds
 * its records to these columns, the SQL engine checks its mart models against them with
 * {@code DESCRIBE}, manifests take their column types from them, and the query API and the tests
 * read through them. Every row carries scenario_id, trial and (as its partition) simulation_year.
 */
public final class ProjectionMarts {
    public static final String PARTITION_COLUMN = "simulation_year";

    public static final Mart EVENTS = new Mart("fct_yearly_events", List.of(
            required("scenario_id", VARCHAR),
            required("trial", INTEGER),
            required("event_id", VARCHAR).withMostlyDistinctValues(),
            required("employee_id", VARCHAR).withMostlyDistinctValues(),
            required("event_type", VARCHAR),
            required("event_category", VARCHAR),
            required("effective_date", DATE),
            nullable("compensation_amount", DECIMAL_18_2).withMostlyDistinctValues(),
            nullable("previous_compensation", DECIMAL_18_2).withMostlyDistinctValues(),
            required("level_id", INTEGER),
            nullable("previous_level_id", INTEGER),
            required("employee_age", INTEGER),
            required("employee_tenure", INTEGER),
            required("age_band", VARCHAR),
            required("tenure_band", VARCHAR),
            nullable("event_probability", DOUBLE).withMostlyDistinctValues(),
            required("event_sequence", INTEGER)), PARTITION_COLUMN);

    public static final Mart SNAPSHOT = new Mart("fct_workforce_snapshot", List.of(
            required("scenario_id", VARCHAR),
            required("trial", INTEGER),
            required("employee_id", VARCHAR).withMostlyDistinctValues(),
            required("employee_birth_date", DATE),
            required("employee_hire_date", DATE),
            required("employment_status", VARCHAR),
            required("detailed_status_code", VARCHAR),
            nullable("termination_date", DATE),
            nullable("termination_reason", VARCHAR),
            required("current_compensation", DECIMAL_18_2).withMostlyDistinctValues(),
            required("prorated_annual_compensation", DECIMAL_18_2).withMostlyDistinctValues(),
            required("level_id", INTEGER),
            required("current_age", INTEGER),
            required("current_tenure", INTEGER),
            required("age_band", VARCHAR),
            required("tenure_band", VARCHAR)), PARTITION_COLUMN);

    public static final Mart NEEDS = new Mart("fct_workforce_needs", List.of(
            required("scenario_id", VARCHAR),
            required("trial", INTEGER),
            required("starting_workforce", BIGINT),
            required("target_ending_workforce", BIGINT),
            required("experienced_terminations", BIGINT),
            required("hires", BIGINT),
            required("new_hire_terminations", BIGINT),
            required("rif_terminations", BIGINT),
            required("ending_workforce", BIGINT),
            nullable("termination_calibration", DOUBLE)), PARTITION_COLUMN);

    public static final Mart SUMMARY = new Mart("fct_workforce_summary", List.of(
            required("scenario_id", VARCHAR),
            required("trial", INTEGER),
            required("level_id", INTEGER),
            required("starting_headcount", BIGINT),
            required("experienced_terminations", BIGINT),
            required("new_hire_terminations", BIGINT),
            required("rif_terminations", BIGINT),
            required("hires", BIGINT),
            required("promotions_in", BIGINT),
            required("promotions_out", BIGINT),
            required("ending_headcount", BIGINT),
            required("ending_total_compensation", DECIMAL_18_2),
            required("ending_avg_compensation", DECIMAL_18_2),
            required("prorated_compensation_cost", DECIMAL_18_2)), PARTITION_COLUMN);

    public static final Mart CENSUS_ISSUES = new Mart("dq_census_issues", List.of(
            required("scenario_id", VARCHAR),
            required("trial", INTEGER),
            required("source", VARCHAR),
            required("row_number", BIGINT),
            nullable("employee_id", VARCHAR),
            required("severity", VARCHAR),
            required("reason", VARCHAR),
            nullable("detail", VARCHAR),
            nullable("raw_row", VARCHAR)), PARTITION_COLUMN);

    /** One row per check and year; trial is NULL for the checks of the ensemble as a whole (its bands). */
    public static final Mart CHECKS = new Mart("dq_checks", List.of(
            required("scenario_id", VARCHAR),
            nullable("trial", INTEGER),
            required("check_name", VARCHAR),
            required("passed", BOOLEAN),
            nullable("detail", VARCHAR)), PARTITION_COLUMN);

    /**
     * The spread of every {@link EnsembleMetric} over the trials, per year and level (level_id NULL =
     * all levels): exact order statistics, Hyndman–Fan type 7 percentiles, sample sd; percentiles and
     * sd are NULL below {@code simulation.min_trials_for_bands} trials. Money in dollars. The only mart
     * without a trial column: its rows are about all trials.
     */
    public static final Mart BANDS = new Mart("fct_ensemble_bands", List.of(
            required("scenario_id", VARCHAR),
            nullable("level_id", INTEGER),
            required("metric", VARCHAR),
            required("n_trials", INTEGER),
            required("is_sufficient", BOOLEAN),
            required("mean", DOUBLE),
            nullable("sd", DOUBLE),
            required("min", DOUBLE),
            nullable("p5", DOUBLE),
            nullable("p10", DOUBLE),
            nullable("p25", DOUBLE),
            nullable("p50", DOUBLE),
            nullable("p75", DOUBLE),
            nullable("p90", DOUBLE),
            nullable("p95", DOUBLE),
            required("max", DOUBLE)), PARTITION_COLUMN);

    /** Every projection mart, in the order of MODEL.md sections 4 and 6. */
    public static final List<Mart> ALL = List.of(EVENTS, SNAPSHOT, NEEDS, SUMMARY, CENSUS_ISSUES, CHECKS, BANDS);

    private static final Map<String, Mart> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Mart::name, Function.identity()));

    private ProjectionMarts() {}

    /** @throws IllegalArgumentException naming the known marts when there is no such projection mart */
    public static Mart named(String name) {
        Mart mart = BY_NAME.get(name);
        if (mart == null) {
            throw new IllegalArgumentException("There is no projection mart named " + name + "; the marts are "
                    + ALL.stream().map(Mart::name).toList() + ".");
        }
        return mart;
    }
}
