package io.planwise.warehouse.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code _run.json}: what a run was — which engine, inputs and config made it, how the census was
 * accounted for, the year-by-year figures, every check — and what became of it. Both engines build
 * it with the same constructor and the publish step completes it ({@link #rejected}, {@link #failed},
 * {@link #published}); the CLI summary and the tests read it back with
 * {@link io.planwise.warehouse.RunRecordFile#read}.
 *
 * <p>The record is written twice per run: {@code rejected}/{@code failed} when the run is refused
 * (for the post-mortem; nothing is published), or {@code published} once the manifest has been
 * moved into place. A run directory whose record is missing or says anything but
 * {@code published} never became current.
 *
 * @param engine {@code flink} or {@code sql}
 * @param trials the ensemble's size (1 for a single projection)
 * @param detailTrials how many trials, from trial 0, wrote events and snapshot rows
 * @param config the effective scenario config, by dotted key (ScenarioConfig.describe())
 * @param assumptionFingerprints a content hash per assumption table
 * @param census how every census row was accounted for
 * @param years the workforce plan and payroll per simulated year, of trial 0
 * @param checks trial 0's invariant checks, per year, in the order the model lists them, then the
 *     ensemble's checks of its bands; a failed check of another trial fails the run and is named in
 *     {@code reason}
 * @param status null while running, then {@code rejected}, {@code failed} or {@code published}
 * @param martRows rows per mart, once published
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        @JsonProperty("engine") String engine,
        @JsonProperty("trials") int trials,
        @JsonProperty("detail_trials") int detailTrials,
        @JsonProperty("parallelism") int parallelism,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("census_source") String censusSource,
        @JsonProperty("config") Map<String, Object> config,
        @JsonProperty("assumption_fingerprints") Map<String, String> assumptionFingerprints,
        @JsonProperty("census") CensusCounts census,
        @JsonProperty("years") List<YearFigures> years,
        @JsonProperty("checks") List<CheckOutcome> checks,
        @JsonProperty("scenario_id") String scenarioId,
        @JsonProperty("run_id") String runId,
        @JsonProperty("status") String status,
        @JsonProperty("reason") String reason,
        @JsonProperty("published_at") Instant publishedAt,
        @JsonProperty("mart_rows") Map<String, Long> martRows) implements Serializable {

    public static final String PUBLISHED = "published";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    public RunRecord {
        // describe() has null values (unset cola_rate), which Map.copyOf would refuse.
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
        assumptionFingerprints = assumptionFingerprints == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(assumptionFingerprints));
        years = years == null ? List.of() : List.copyOf(years);
        checks = checks == null ? List.of() : List.copyOf(checks);
        martRows = martRows == null ? null : Collections.unmodifiableMap(new TreeMap<>(martRows));
    }

    /** What an engine knows when it starts a run. */
    public static RunRecord started(String engine, int trials, int detailTrials, int parallelism, Instant startedAt, String censusSource,
            Map<String, Object> config, Map<String, String> assumptionFingerprints, String scenarioId, String runId) {
        return new RunRecord(engine, trials, detailTrials, parallelism, startedAt, censusSource, config, assumptionFingerprints,
                null, List.of(), List.of(), scenarioId, runId, null, null, null, null);
    }

    /** This record with the run's evaluation: census accounting, yearly figures and checks. */
    public RunRecord evaluated(CensusCounts census, List<YearFigures> years, List<CheckOutcome> checks) {
        return new RunRecord(engine, trials, detailTrials, parallelism, startedAt, censusSource, config, assumptionFingerprints,
                census, years, checks, scenarioId, runId, status, reason, publishedAt, martRows);
    }

    public RunRecord rejected(String why) {
        return withOutcome(REJECTED, why, null, null);
    }

    public RunRecord failed(String why) {
        return withOutcome(FAILED, why, null, null);
    }

    public RunRecord published(Instant at, Map<String, Long> rowsPerMart) {
        return withOutcome(PUBLISHED, null, at, rowsPerMart);
    }

    private RunRecord withOutcome(String newStatus, String why, Instant at, Map<String, Long> rows) {
        return new RunRecord(engine, trials, detailTrials, parallelism, startedAt, censusSource, config, assumptionFingerprints,
                census, years, checks, scenarioId, runId, newStatus, why, at, rows);
    }

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    /** The checks that failed, as {@code "<year> <check>: <detail>"}, in record order. */
    public List<String> failedChecks() {
        return checks.stream().filter(c -> !c.passed())
                .map(c -> c.simulationYear() + " " + c.check() + ": " + c.detail()).toList();
    }

    /** Every census row in exactly one bucket (MODEL.md 1.1); rejects and warnings by reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CensusCounts(
            @JsonProperty("rows_read") long rowsRead,
            @JsonProperty("baseline") long baseline,
            @JsonProperty("terminated_before_start") long terminatedBeforeStart,
            @JsonProperty("not_yet_hired") long notYetHired,
            @JsonProperty("rejected") long rejected,
            @JsonProperty("warnings") long warnings,
            @JsonProperty("issues") List<IssueTally> issues) implements Serializable {

        public CensusCounts {
            issues = issues == null ? List.of() : List.copyOf(issues);
        }
    }

    /**
     * How many census rows one reason rejected (or warned about), with the first such row as an
     * example: the lowest row number, so both engines and every parallelism pick the same one.
     */
    public record IssueTally(
            @JsonProperty("severity") String severity,
            @JsonProperty("reason") String reason,
            @JsonProperty("rows") long rows,
            @JsonProperty("example_row_number") long exampleRowNumber,
            @JsonProperty("example_detail") String exampleDetail,
            @JsonProperty("example_raw_row") String exampleRawRow) implements Serializable {}

    /** One simulated year: the workforce plan as executed and the year-end payroll. */
    public record YearFigures(
            @JsonProperty("simulation_year") int simulationYear,
            @JsonProperty("starting_workforce") long startingWorkforce,
            @JsonProperty("experienced_terminations") long experiencedTerminations,
            @JsonProperty("hires") long hires,
            @JsonProperty("new_hire_terminations") long newHireTerminations,
            @JsonProperty("rif_terminations") long rifTerminations,
            @JsonProperty("ending_workforce") long endingWorkforce,
            @JsonProperty("ending_payroll") BigDecimal endingPayroll) implements Serializable {

        public long terminations() {
            return experiencedTerminations + newHireTerminations + rifTerminations;
        }
    }

    /** One row of dq_checks. */
    public record CheckOutcome(
            @JsonProperty("simulation_year") int simulationYear,
            @JsonProperty("check") String check,
            @JsonProperty("passed") boolean passed,
            @JsonProperty("detail") String detail) implements Serializable {}
}
