package io.planwise.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SQL files of {@code dbt-equivalent-sql/} in the order the runner executes them, and their text
 * (packaged in the jar under {@code io/planwise/sql/}). A model file is one SELECT; its file name is
 * the table it becomes, or the view when its header says {@value #VIEW_MARKER} (the marts, whose
 * Parquet files are their materialization, and models cheaper to recompute than to store). The
 * order is the dependency order of the models, written out once here.
 */
final class SqlModels {
    private static final String ROOT = "/io/planwise/sql/";
    static final String VIEW_MARKER = "-- materialized: view";

    /** CREATE MACRO statements the models use. */
    static final List<String> MACROS = List.of(
            "macros/model_arithmetic", "macros/random_draws", "macros/java_text", "macros/ensemble_statistics");

    /** Census and assumption staging, once per run. */
    static final List<String> STAGING = List.of(
            "models/staging/stg_parameters",
            "models/staging/stg_trials",
            "models/staging/stg_job_levels",
            "models/staging/stg_age_bands",
            "models/staging/stg_tenure_bands",
            "models/staging/stg_compensation_rates",
            "models/staging/stg_new_hire_ages",
            "models/staging/stg_new_hire_level_weights",
            "models/staging/stg_census_rows",
            "models/staging/stg_census_candidates",
            "models/staging/stg_census_rejects",
            "models/staging/stg_census_employees",
            "models/staging/stg_census_warnings",
            "models/staging/stg_census_accounting",
            "models/staging/stg_census_baseline",
            "models/staging/stg_trial_baseline");

    /** The census mart, right after staging. */
    static final String CENSUS_ISSUES = "models/marts/dq_census_issues";

    /**
     * One simulated year of every trial, in order; reads the workforce (keyed by trial and employee)
     * and loop_year tables.
     */
    static final List<String> YEAR = List.of(
            "models/intermediate/int_year_calendar",
            "models/intermediate/int_start_of_year_workforce",
            "models/intermediate/int_population_totals",
            "models/intermediate/int_headcount_by_level",
            "models/intermediate/int_experienced_terminations",
            "models/intermediate/int_workforce_needs",
            "models/intermediate/int_reduction_in_force",
            "models/intermediate/int_stayers",
            "models/intermediate/int_promotions",
            "models/intermediate/int_raises",
            "models/intermediate/int_new_hire_level_slots",
            "models/intermediate/int_new_hires",
            "models/intermediate/int_new_hire_terminations",
            "models/intermediate/int_yearly_events",
            "models/intermediate/int_yearly_event_details",
            "models/intermediate/int_workforce_snapshot",
            "models/intermediate/int_workforce_snapshot_details",
            "models/intermediate/int_level_ledger",
            "models/intermediate/int_next_year_workforce");

    /**
     * The marts built once per year, each written to its simulation_year partition (the detail
     * trials' rows).
     */
    static final List<String> YEAR_MARTS = List.of(
            "models/marts/fct_yearly_events", "models/marts/fct_workforce_snapshot");

    /** The year's small facts the run-level marts are built from, appended to run_* tables each year. */
    static final List<String> ACCUMULATED = List.of(
            "int_workforce_needs", "int_headcount_by_level", "int_level_ledger");

    /**
     * Run once all years are done, in order, from the run_* tables: the needs and summary marts of
     * every trial, the ensemble's figures and bands, and the checks (which include the bands').
     */
    static final List<String> RUN = List.of(
            "models/marts/fct_workforce_needs",
            "models/marts/fct_workforce_summary",
            "models/intermediate/int_trial_figures",
            "models/intermediate/int_ensemble_bands",
            "models/marts/fct_ensemble_bands",
            "models/marts/dq_checks");

    /** The marts of {@link #RUN}, written to their simulation_year partitions as they are built. */
    static final List<String> RUN_MARTS = RUN.stream().filter(SqlModels::isMart).toList();

    /** Tests: each returns the rows that violate a MODEL.md §5 invariant; zero rows means it holds. */
    static final List<String> TESTS = List.of(
            "tests/assert_census_accounting_balances",
            "tests/assert_ending_equals_target",
            "tests/assert_start_equals_previous_end",
            "tests/assert_one_snapshot_row_per_employee_year",
            "tests/assert_events_explain_snapshot",
            "tests/assert_event_dates_in_year",
            "tests/assert_no_event_after_termination",
            "tests/assert_termination_not_before_hire",
            "tests/assert_workforce_needs_exact",
            "tests/assert_ensemble_bands_consistent");

    private SqlModels() {}

    /** Whether the file is a mart model (written to Parquet) rather than an intermediate one. */
    static boolean isMart(String file) {
        return file.startsWith("models/marts/");
    }

    /** Whether the model's header asks for a view rather than a table. */
    static boolean isView(String text) {
        return text.lines().takeWhile(l -> l.startsWith("--")).anyMatch(l -> l.strip().equals(VIEW_MARKER));
    }

    /** The table a model file becomes: its file name. */
    static String tableOf(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    static String text(String file) {
        String resource = ROOT + file + ".sql";
        try (InputStream in = SqlModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
