package io.planwise.sql;

import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunNotPublishedException;
import io.planwise.warehouse.RunPublisher;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projection of {@code ../shared/MODEL.md} run as DuckDB SQL models: the same inputs, the same
 * marts value for value, the same warehouse layout, run record and atomic publish as the Flink job,
 * so either engine is the other's oracle.
 *
 * <p><b>What runs where.</b> Every model rule is in the SQL files under {@code dbt-equivalent-sql/}
 * (see {@link SqlModels} for their order); this class only moves data in and out and executes the
 * files in one in-memory DuckDB, each as {@code CREATE OR REPLACE TABLE <file name> AS <file>} (a
 * view for the marts, whose Parquet files are their materialization):
 * <ol>
 *   <li><b>Inputs.</b> The macros; {@code params} from the validated {@link ScenarioConfig}
 *       ({@link ScenarioParameters}); {@code ensemble_metrics} from the contract's EnsembleMetric
 *       ({@link EnsembleMetrics}); {@code seed_*} from the validated {@link Assumptions}
 *       ({@link AssumptionSeeds}); {@code raw_census} from the census file read by the Flink job's own
 *       readers ({@link RawCensus}). Config and assumption errors therefore read exactly as in the
 *       Flink job.
 *   <li><b>Staging</b> ({@code stg_*}), once: census rows to typed employees, rejects with their
 *       reasons, the duplicate tie-break, buckets, warnings, accounting; the assumption tables in the
 *       shape the year loop uses. If {@code stg_census_accounting.stop_reason} is set (no data rows,
 *       too many rejects, nobody active) the run stops here and writes nothing.
 *       {@code dq_census_issues} is written.
 *   <li><b>Years</b>, start_year to end_year, every trial at once: {@code loop_year} holds the year
 *       and {@code workforce} the start state of every trial, keyed by (trial, employee_id) (year 1:
 *       {@code stg_trial_baseline}, the census baseline once per trial with that trial's draw base);
 *       the {@code int_*} models compute the year, every join, aggregate, window and ranked
 *       selection per trial, so a trial's rows never depend on the other trials;
 *       {@code fct_yearly_events} and {@code fct_workforce_snapshot} are written to the year's
 *       partition for the detail trials (trial &lt; detail_trials) only; the year's needs, headcount
 *       by level and level ledger of every trial are appended to
 *       {@code run_workforce_needs}, {@code run_headcount_by_level} and {@code run_level_ledger}; and
 *       {@code int_next_year_workforce} becomes the next {@code workforce}.
 *   <li><b>Run marts</b> ({@link SqlModels#RUN}): {@code fct_workforce_needs} and
 *       {@code fct_workforce_summary} of every trial from the run_* tables, then the ensemble's
 *       {@code fct_ensemble_bands} from the summary, then {@code dq_checks}: every trial's checks and
 *       the ensemble's checks of its bands (trial NULL).
 *   <li><b>Tests</b>: each mart becomes a view over exactly the files written, and every
 *       {@code tests/assert_*.sql} must return no rows ({@link InvariantTests}).
 *   <li><b>Publish</b>, through the same {@link RunPublisher} as the Flink job: only if every dq_check
 *       of every trial and of the ensemble passed and every test returned nothing, the manifest (exact file list, footer row counts,
 *       the contract's column types) is published atomically with {@link ManifestStore#publish}, then
 *       {@code _run.json} ({@link RunRecord}) says so. Otherwise {@code _run.json} records the reason,
 *       nothing becomes current, and {@link RunNotPublishedException} is thrown.
 * </ol>
 *
 * <p><b>Determinism.</b> Every draw is a pure function of (seed, trial, employee, year, stream);
 * doubles are combined in the Java model's order; every sum that decides something is an integer;
 * ranked selections break ties by employee_id. So the marts do not depend on DuckDB's thread count
 * or row order.
 */
public final class SqlProjection {
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");
    /** Per-model wall time, at DEBUG (enable logger io.planwise.sql.timings to see where a run spends its time). */
    private static final Logger TIMINGS = LoggerFactory.getLogger("io.planwise.sql.timings");

    private final ScenarioConfig config;
    private final Assumptions assumptions;
    private final WarehouseLayout warehouse;
    private final String runId;
    private final int parallelism;
    private Consumer<Path> beforeInvariantTests = runDir -> { };

    public SqlProjection(ScenarioConfig config, Assumptions assumptions, WarehouseLayout warehouse, String runId,
            int parallelism) {
        this.config = config;
        this.assumptions = assumptions;
        this.warehouse = warehouse;
        this.runId = WarehouseLayout.checkRunId(runId);
        this.parallelism = parallelism;
    }

    /**
     * Test hook: called with the run directory after every mart file is written, before the invariant
     * tests read them (a test can damage a file to prove the tests stop the publish).
     */
    SqlProjection beforeInvariantTests(Consumer<Path> hook) {
        this.beforeInvariantTests = hook;
        return this;
    }

    /** Projects the census file; returns once the run is published, or throws. */
    public SqlProjectionResult run(Path census) throws SQLException, IOException {
        Path censusFile = census.toAbsolutePath().normalize();
        return run(RawCensus.file(censusFile), censusFile.toString());
    }

    /** Projects a census table or query of PostgreSQL, checked and numbered as for the Flink job. */
    public SqlProjectionResult run(PostgresRelation census) throws SQLException, IOException {
        return run(RawCensus.table(census), census.description());
    }

    private SqlProjectionResult run(RawCensus census, String censusSource) throws SQLException, IOException {
        Instant started = Instant.now();
        Path runDir = warehouse.runDir(config.scenarioId(), runId);
        Path spill = Files.createTempDirectory("planwise-sql-");
        try (DuckDbSession db = DuckDbSession.open(parallelism, spill)) {
            stage(db, census);
            Object stop = db.scalar("SELECT stop_reason FROM stg_census_accounting");
            if (stop != null) {
                throw new RunNotPublishedException(stop.toString());
            }

            MartFiles marts = new MartFiles(db, warehouse, runDir);
            materialize(db, SqlModels.CENSUS_ISSUES);
            marts.write(SqlModels.tableOf(SqlModels.CENSUS_ISSUES));
            projectYears(db, marts);
            for (String model : SqlModels.RUN) {
                materialize(db, model);
                if (SqlModels.isMart(model)) {
                    marts.write(SqlModels.tableOf(model));
                }
            }

            RunRecord record = RunEvaluation.evaluate(db, RunRecord.started("sql", config.trials(),
                    config.detailTrials(), parallelism, started, censusSource, config.describe(),
                    assumptions.fingerprints(), config.scenarioId(), runId));
            List<String> failures = new ArrayList<>(RunEvaluation.failedChecks(db));
            beforeInvariantTests.accept(runDir);
            readMartsFromFiles(db, marts);
            List<InvariantTestOutcome> tests = InvariantTests.run(db);
            tests.stream().filter(t -> !t.passed()).forEach(t -> failures.add(t.toString()));
            RunPublisher publisher = new RunPublisher(warehouse, Clock.systemUTC(), PROGRESS::warn);
            if (!failures.isEmpty()) {
                throw publisher.refuse(record, "invariant checks failed: " + String.join("; ", failures));
            }
            RunManifest manifest = publisher.publish(record, marts.entries());
            return new SqlProjectionResult(config.scenarioId(), runId, runDir, manifest,
                    Duration.between(started, Instant.now()), tests);
        } finally {
            deleteQuietly(spill);
        }
    }

    /** Loads the inputs into {@code db} and runs the staging models. */
    void stage(DuckDbSession db, RawCensus census) throws SQLException, IOException {
        for (String file : SqlModels.MACROS) {
            db.execute(SqlModels.text(file));
        }
        ScenarioParameters.create(db, config);
        EnsembleMetrics.load(db);
        AssumptionSeeds.load(db, assumptions, config);
        census.load(db);
        for (String model : SqlModels.STAGING) {
            materialize(db, model);
        }
    }

    private void projectYears(DuckDbSession db, MartFiles marts) throws SQLException, IOException {
        db.execute("CREATE OR REPLACE TABLE workforce AS SELECT * FROM stg_trial_baseline");
        for (int year = config.startYear(); year <= config.endYear(); year++) {
            db.execute("CREATE OR REPLACE TABLE loop_year AS SELECT CAST(" + year + " AS INTEGER) AS simulation_year");
            for (String model : SqlModels.YEAR) {
                materialize(db, model);
            }
            for (String mart : SqlModels.YEAR_MARTS) {
                materialize(db, mart);
                marts.write(SqlModels.tableOf(mart));
            }
            for (String table : SqlModels.ACCUMULATED) {
                String run = "run_" + table.substring("int_".length());
                db.execute(year == config.startYear()
                        ? "CREATE OR REPLACE TABLE " + run + " AS SELECT * FROM " + table
                        : "INSERT INTO " + run + " SELECT * FROM " + table);
            }
            db.execute("CREATE OR REPLACE TABLE workforce AS SELECT * FROM int_next_year_workforce");
            Map<String, Object> n = db.rows("SELECT * FROM int_workforce_needs WHERE trial = 0").get(0);
            PROGRESS.info("{}  start {}  experienced terminations {}  hires {}  new-hire terminations {}  RIF {}  target {}",
                    year, n.get("starting_workforce"), n.get("experienced_terminations"), n.get("hires"),
                    n.get("new_hire_terminations"), n.get("reduction_in_force"), n.get("target_ending_workforce"));
        }
    }

    /** Points each mart's view at exactly the files written for it. */
    private static void readMartsFromFiles(DuckDbSession db, MartFiles marts) throws SQLException {
        for (String mart : marts.entries().keySet()) {
            db.execute("CREATE OR REPLACE VIEW " + mart + " AS " + marts.readerQuery(mart));
        }
    }

    /** Runs one model file as CREATE OR REPLACE TABLE (or VIEW, when its header says so) named after the file. */
    private static void materialize(DuckDbSession db, String model) throws SQLException {
        long start = System.nanoTime();
        String text = SqlModels.text(model);
        try {
            db.execute("CREATE OR REPLACE " + (SqlModels.isView(text) ? "VIEW " : "TABLE ") + SqlModels.tableOf(model)
                    + " AS\n" + text);
            TIMINGS.debug("{} ms  {}", (System.nanoTime() - start) / 1_000_000, model);
        } catch (SQLException e) {
            // The model's name and DuckDB's message make the one line a failed run reports.
            throw new SQLException("model " + model + ".sql failed: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover empty temp directory is harmless
        }
    }
}
