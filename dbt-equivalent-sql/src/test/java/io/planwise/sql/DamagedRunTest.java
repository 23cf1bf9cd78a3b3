package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunNotPublishedException;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.contract.RunRecord;
import io.planwise.warehouse.WarehouseLayout;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant tests guard the publish: when a written mart file loses a row (here, one active
 * employee of the second year's snapshot), the tests catch it, the run is not published, its
 * {@code _run.json} says why, and the previous run stays current.
 */
class DamagedRunTest {
    @TempDir
    Path tmp;

    @Test
    void aRunWhoseFilesBreakAnInvariantIsNotPublished() throws Exception {
        Path census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(5, LocalDate.of(2024, 12, 31)).writeCsv(800, w);
        }
        ScenarioConfig config = ScenarioConfig.defaults().withScenarioId("damaged").withYears(2025, 2027);
        WarehouseLayout warehouse = new WarehouseLayout(tmp.resolve("wh"));
        SqlProjectionResult first = new SqlProjection(config, Assumptions.bundledDefaults(), warehouse,
                RunIds.next(Clock.systemUTC()), 1).run(census);
        InvariantTestsAssert.allPassed(first);

        String runId = RunIds.next(Clock.systemUTC());
        SqlProjection damaged = new SqlProjection(config, Assumptions.bundledDefaults(), warehouse, runId, 1)
                .beforeInvariantTests(runDir -> dropOneActiveEmployee(
                        runDir.resolve("fct_workforce_snapshot/simulation_year=2026/part-00000.parquet")));

        assertThatThrownBy(() -> damaged.run(census)).isInstanceOf(RunNotPublishedException.class)
                .hasMessageContaining("was not published")
                .hasMessageContaining("assert_start_equals_previous_end returned")
                .hasMessageContaining("assert_ending_equals_target")
                .hasMessageContaining("assert_one_snapshot_row_per_employee_year");

        RunManifest current = new ManifestStore(warehouse).current("damaged").orElseThrow();
        assertThat(current.runId()).as("the current run").isEqualTo(first.runId());
        RunRecord record = RunRecordFile.read(warehouse.runDir("damaged", runId));
        assertThat(record.status()).isEqualTo("rejected");
        assertThat(record.reason()).contains("assert_start_equals_previous_end");
    }

    /**
     * The invariant tests read every trial, not only the detail trials: a summary file in which one
     * level of trial 2 (no events or snapshot written) ends with one more employee stops the publish,
     * and the reason shows the trial.
     */
    @Test
    void aDamagedTrialThatWritesNoDetailIsCaughtToo() throws Exception {
        Path census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(5, LocalDate.of(2024, 12, 31)).writeCsv(800, w);
        }
        ScenarioConfig config = ScenarioConfig.defaults().withScenarioId("damaged_trial").withYears(2025, 2027)
                .withTrials(4, 1);
        WarehouseLayout warehouse = new WarehouseLayout(tmp.resolve("wh"));
        String runId = RunIds.next(Clock.systemUTC());
        SqlProjection damaged = new SqlProjection(config, Assumptions.bundledDefaults(), warehouse, runId, 1)
                .beforeInvariantTests(runDir -> rewrite(
                        runDir.resolve("fct_workforce_summary/simulation_year=2026/part-00000.parquet"),
                        "SELECT * REPLACE (CASE WHEN trial = 2 AND level_id = 1 THEN ending_headcount + 1 "
                                + "ELSE ending_headcount END AS ending_headcount) FROM %s"));

        assertThatThrownBy(() -> damaged.run(census)).isInstanceOf(RunNotPublishedException.class)
                .hasMessageContaining("assert_ending_equals_target returned")
                .hasMessageContaining("trial=2, simulation_year=2026")
                .hasMessageContaining("assert_start_equals_previous_end")
                .hasMessageContaining("assert_events_explain_snapshot")
                .hasMessageContaining("assert_ensemble_bands_consistent");
        assertThat(new ManifestStore(warehouse).current("damaged_trial")).isEmpty();
        assertThat(RunRecordFile.read(warehouse.runDir("damaged_trial", runId)).status()).isEqualTo("rejected");
    }

    private static void rewrite(Path file, String select) {
        Path rewritten = file.resolveSibling("rewritten.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("COPY (" + select.formatted("read_parquet('" + file + "')") + ") TO '" + rewritten
                    + "' (FORMAT parquet)");
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }

    private static void dropOneActiveEmployee(Path file) {
        Path rewritten = file.resolveSibling("rewritten.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            String source = "read_parquet('" + file + "')";
            s.execute("COPY (SELECT * FROM " + source + " WHERE employee_id <> (SELECT min(employee_id) FROM " + source
                    + " WHERE employment_status = 'active')) TO '" + rewritten + "' (FORMAT parquet)");
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }
}
