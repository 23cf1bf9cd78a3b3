package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API sees a published run exactly as the run contract declares it: for real runs of the test
 * warehouse (made by the planwise jar), every relation the API creates, both as in-memory table and as
 * view over the Parquet files, has {@link Mart#readerColumns()} — names and DuckDB types, in order, the
 * partition column last — and the run has exactly the contract's projection marts. The actuals relation
 * plan-vs-actual reads has the contract's types, with files and before the first commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunContractTest {

    private TestWarehouse warehouse;
    private WarehouseLayout layout;
    private MartDatabase db;
    private Path actualsRoot;
    private final AtomicLong sequence = new AtomicLong(1_000);

    @BeforeAll
    void open(@TempDir Path tmp) throws Exception {
        warehouse = TestWarehouse.shared();
        layout = new WarehouseLayout(warehouse.root);
        actualsRoot = tmp.resolve("wh");
        Path monthly = Files.createDirectories(new ActualsFiles(actualsRoot).dir());
        ContractParquet.write(ActualsMarts.MONTHLY, monthly.resolve("part-0.parquet"), List.of(Map.ofEntries(
                Map.entry("month", LocalDate.of(2025, 1, 1)), Map.entry("level_id", 1), Map.entry("event_id", 1L),
                Map.entry("employee_id", "EMP_1"), Map.entry("event_type", "hire"), Map.entry("headcount_change", 1),
                Map.entry("hires", 1), Map.entry("terminations", 0), Map.entry("promotions_in", 0),
                Map.entry("promotions_out", 0), Map.entry("compensation_changes", 0),
                Map.entry("payroll_change", new BigDecimal("50000.00")))));
        db = MartDatabase.open(List.of(layout.runsDir(), new ActualsFiles(actualsRoot).dir()), 1, "512MB",
                Duration.ofSeconds(60));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** Every published run of the test warehouse: each scenario's current run and base's replaced one. */
    private List<RunManifest> publishedRuns() {
        List<RunManifest> runs = new ArrayList<>();
        for (String scenario : List.of("base", "alt", "tenant_b")) {
            runs.add(warehouse.manifests().current(scenario).orElseThrow());
        }
        runs.add(warehouse.baseRunA);
        return runs;
    }

    @Test
    void everyMartRelationOfAPublishedRunHasTheContractsReaderColumns() {
        List<String> contractMarts = ProjectionMarts.ALL.stream().map(Mart::name).toList();
        for (RunManifest run : publishedRuns()) {
            assertThat(run.marts().keySet()).as("marts of run %s", run.runId())
                    .containsExactlyInAnyOrderElementsOf(contractMarts);
            // Small marts as in-memory tables (the default), then every mart as a view over its files.
            for (long memoryTableMaxRows : new long[] {RunViews.DEFAULT_MEMORY_TABLE_MAX_ROWS, 0}) {
                RunViews views = new RunViews(run, sequence.incrementAndGet(), memoryTableMaxRows);
                db.execute(views.createStatements(layout));
                try {
                    for (Mart mart : ProjectionMarts.ALL) {
                        assertThat(describe(views.relation(mart.name())))
                                .as("%s of run %s/%s (memory tables up to %d rows)", mart.name(), run.scenarioId(),
                                        run.runId(), memoryTableMaxRows)
                                .containsExactlyElementsOf(expected(mart.readerColumns()));
                    }
                } finally {
                    db.dropSchema(views.schema());
                }
            }
        }
    }

    @Test
    void theActualsRelationHasTheContractsTypesWithFilesAndBeforeTheFirstCommit() {
        List<String> expected = expected(PlanVsActualEndpoint.ACTUALS_COLUMNS);
        for (Column c : PlanVsActualEndpoint.ACTUALS_COLUMNS) {
            assertThat(ActualsMarts.MONTHLY.column(c.name())).contains(c);
        }
        ActualsFiles.Snapshot committed = new ActualsFiles(actualsRoot).snapshot();
        assertThat(committed.files()).hasSize(1);
        assertThat(describe(PlanVsActualEndpoint.actualsRelation(committed))).containsExactlyElementsOf(expected);
        assertThat(describe(PlanVsActualEndpoint.actualsRelation(new ActualsFiles.Snapshot(List.of()))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aColumnTheContractLostStopsTheEndpointLoudly() {
        assertThatThrownBy(() -> PlanVsActualEndpoint.contractColumns(ActualsMarts.MONTHLY, "month", "no_such"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such")
                .hasMessageContaining(ActualsMarts.MONTHLY.name());
    }

    /** {@code name TYPE} per column of a relation or query, as DuckDB's DESCRIBE reports it, in order. */
    private List<String> describe(String relation) {
        ResultTable t = db.query(db.deadline(), "DESCRIBE " + relation, List.of(), 1_000);
        int name = t.columnIndex("column_name");
        int type = t.columnIndex("column_type");
        return t.rows().stream().map(r -> r[name] + " " + r[type]).toList();
    }

    private static List<String> expected(List<Column> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type().sqlName()).toList();
    }
}
