package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.ActualsMarts;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB 1.4 as the API runs it: with external access off and the warehouse's runs/ directory and the
 * committed monthly actuals allowed, the marts are readable and nothing else is (not even the other
 * actuals marts or the streaming job's checkpoints), the lock-down cannot be undone, and a query past
 * its deadline is interrupted with a 503 while the connection stays usable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbSandboxTest {

    private TestWarehouse warehouse;
    private MartDatabase db;
    private String martFile;
    /** A warehouse root with actuals as the streaming job leaves them (the shared one has none). */
    private Path actualsRoot;

    @BeforeAll
    void open(@TempDir Path tmp) throws Exception {
        warehouse = TestWarehouse.shared();
        WarehouseLayout layout = new WarehouseLayout(warehouse.root);
        actualsRoot = tmp.resolve("wh");
        Path actuals = actualsRoot.resolve(ActualsMarts.DIRECTORY);
        for (String dir : List.of(ActualsMarts.MONTHLY.name(), ActualsMarts.EVENTS.name(), "_checkpoints/job/chk-1")) {
            Files.createDirectories(actuals.resolve(dir));
        }
        // One committed file of the monthly mart (readable) and of the events mart (not), from the contract.
        LocalDate january = LocalDate.of(2025, 1, 1);
        Map<String, Object> monthly = Map.ofEntries(Map.entry("month", january), Map.entry("level_id", 1),
                Map.entry("event_id", 1L), Map.entry("employee_id", "EMP_1"), Map.entry("event_type", "hire"),
                Map.entry("headcount_change", 1), Map.entry("hires", 1), Map.entry("terminations", 0),
                Map.entry("promotions_in", 0), Map.entry("promotions_out", 0), Map.entry("compensation_changes", 0),
                Map.entry("payroll_change", new BigDecimal("50000.00")));
        Map<String, Object> event = Map.of("event_id", 1L, "employee_id", "EMP_1", "event_type", "hire",
                "effective_date", january, "level_id", 1, "compensation", new BigDecimal("50000.00"));
        ContractParquet.write(ActualsMarts.MONTHLY,
                actuals.resolve(ActualsMarts.MONTHLY.name()).resolve("part-0.parquet"), List.of(monthly));
        ContractParquet.write(ActualsMarts.EVENTS,
                actuals.resolve(ActualsMarts.EVENTS.name()).resolve("part-0.parquet"), List.of(event));
        Files.writeString(actuals.resolve("_checkpoints/job/chk-1/_metadata"), "checkpoint");
        db = MartDatabase.open(List.of(layout.runsDir(), new ActualsFiles(actualsRoot).dir()), 2, "512MB",
                Duration.ofMillis(400));
        RunManifest base = warehouse.manifests().current("base").orElseThrow();
        martFile = base.filesOf(Marts.SUMMARY, layout).get(0).toString();
    }

    @AfterAll
    void close() {
        db.close();
    }

    private void run(String sql) {
        db.execute(List.of(sql));
    }

    @Test
    void theMartsAreReadable() {
        ResultTable t = db.query(db.deadline(), "SELECT count(*) FROM read_parquet('" + martFile + "')", List.of(), 10);
        assertThat(((Number) t.single()).longValue()).isPositive();
    }

    @Test
    void theCommittedMonthlyActualsAreReadable() {
        ResultTable t = db.query(db.deadline(), "SELECT count(*) FROM read_parquet('" + actualsRoot
                + "/" + ActualsMarts.DIRECTORY + "/" + ActualsMarts.MONTHLY.name() + "/part-0.parquet')", List.of(), 10);
        assertThat(((Number) t.single()).longValue()).isEqualTo(1);
    }

    @Test
    void nothingElseOfTheActualsIs() {
        Path actuals = actualsRoot.resolve(ActualsMarts.DIRECTORY);
        assertThatThrownBy(() -> run("SELECT * FROM read_parquet('" + actuals + "/" + ActualsMarts.EVENTS.name()
                + "/part-0.parquet')"))
                .hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("SELECT * FROM read_text('" + actuals + "/_checkpoints/job/chk-1/_metadata')"))
                .hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("SELECT * FROM glob('" + actuals + "/*')")).hasMessageContaining("Permission");
        // Climbing out of the allowed actuals directory is refused like climbing out of runs/.
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('" + actuals + "/" + ActualsMarts.MONTHLY.name()
                + "/../../../../../../../etc/passwd')")).hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('" + actuals + "/" + ActualsMarts.MONTHLY.name()
                + "/../_checkpoints/job/chk-1/_metadata')")).hasMessageContaining("Permission");
        // A directory whose name merely starts like the allowed one is another directory.
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('" + actuals + "/" + ActualsMarts.MONTHLY.name()
                + "_x/a.csv')"))
                .hasMessageContaining("Permission");
    }

    @Test
    void filesOutsideTheRunsDirectoryAreNot() {
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('/etc/passwd')")).hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("SELECT * FROM read_text('/etc/hostname')")).hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("SELECT * FROM glob('/etc/*')")).hasMessageContaining("Permission");
        // current/ sits next to runs/ and is read by Java, not DuckDB.
        assertThatThrownBy(() -> run("SELECT * FROM read_json('" + warehouse.root + "/current/base.json')"))
                .hasMessageContaining("Permission");
        // A path that starts inside runs/ but climbs out is refused as well.
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('" + warehouse.root + "/runs/../../../../../../etc/passwd')"))
                .hasMessageContaining("Permission");
        // And the failure reaches an HTTP caller only as a generic 500, never DuckDB's message.
        assertThatThrownBy(() -> db.query(db.deadline(), "SELECT * FROM read_csv('/etc/passwd')", List.of(), 10))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).doesNotContain("passwd").doesNotContain("Permission");
                });
    }

    @Test
    void nothingCanBeWrittenAttachedOrInstalledOutside(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> run("COPY (SELECT 1) TO '" + elsewhere.resolve("x.csv") + "'"))
                .hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("ATTACH '" + elsewhere.resolve("x.db") + "'")).hasMessageContaining("Permission");
        assertThatThrownBy(() -> run("INSTALL httpfs")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run("LOAD httpfs")).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(elsewhere.resolve("x.csv"))).isFalse();
    }

    @Test
    void theLockDownCannotBeUndone() {
        for (String set : List.of("SET enable_external_access = true", "SET allowed_directories = ['/']",
                "SET lock_configuration = false", "RESET enable_external_access", "SET memory_limit = '100GB'")) {
            assertThatThrownBy(() -> run(set)).as(set).hasMessageContaining("locked");
        }
    }

    @Test
    void aQueryPastItsDeadlineIsInterruptedAndTheConnectionStaysUsable() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> db.query(db.deadline(),
                "SELECT count(*) FROM range(100000000000) t(x) WHERE x % 7 = ?", List.of(3L), 10))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("400 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // Both pooled connections still answer.
        for (int i = 0; i < 4; i++) {
            assertThat(db.query(db.deadline(), "SELECT 42", List.of(), 1).single()).isEqualTo(42);
        }
    }
}
