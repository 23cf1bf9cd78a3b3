package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.ColumnType;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ensemble endpoints take from the run contract, and the fixture they are tested on: the
 * exceedance counts read {@link EnsembleMetric#summaryColumn()} as exact values (counts, or DECIMAL
 * dollars), the bands endpoint filters on the contract's columns, and {@link EnsembleFixture}'s runs
 * read exactly as {@link RunContractTest} demands of the engines' runs.
 */
class EnsembleContractTest {

    @Test
    void everyEnsembleMetricIsReadFromAnExactSummaryColumn() {
        for (EnsembleMetric metric : EnsembleMetric.values()) {
            Column column = ProjectionMarts.SUMMARY.column(metric.summaryColumn()).orElseThrow(() -> new AssertionError(
                    metric + " reads " + metric.summaryColumn() + ", which " + ProjectionMarts.SUMMARY.name() + " lacks"));
            // Exact per-trial values: counts, or money as DECIMAL dollars (cents / unitsPerCent).
            assertThat(column.type()).as(metric.metricName())
                    .isEqualTo(metric.money() ? ColumnType.DECIMAL_18_2 : ColumnType.BIGINT);
            assertThat(metric.unitsPerCent()).isEqualTo(metric.money() ? 100 : 1);
        }
        for (String c : List.of("scenario_id", "level_id", "metric")) {
            assertThat(ProjectionMarts.BANDS.column(c)).as(c).isPresent();
        }
        assertThat(ProjectionMarts.BANDS.column("level_id").orElseThrow().nullable()).isTrue();
        assertThat(ProjectionMarts.BANDS.partitionColumn()).isEqualTo(ProjectionMarts.PARTITION_COLUMN);
        assertThat(ProjectionMarts.SUMMARY.column(Marts.TRIAL)).isPresent();
        assertThat(ProjectionMarts.NEEDS.column(Marts.TRIAL)).isPresent();
    }

    @Test
    void theEnsembleFixtureIsReadAsTheContractDeclares(@TempDir Path tmp) {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("wh"));
        RunManifest run = EnsembleFixture.publish(layout.root(), EnsembleFixture.SCENARIO, 2);
        assertThat(run.marts().keySet()).containsExactlyInAnyOrderElementsOf(
                ProjectionMarts.ALL.stream().map(Mart::name).toList());
        try (MartDatabase db = MartDatabase.open(List.of(layout.runsDir()), 1, "256MB", Duration.ofSeconds(60))) {
            // In-memory tables, then views over the files.
            for (long memoryTableMaxRows : new long[] {RunViews.DEFAULT_MEMORY_TABLE_MAX_ROWS, 0}) {
                RunViews views = new RunViews(run, memoryTableMaxRows + 1, memoryTableMaxRows);
                db.execute(views.createStatements(layout));
                for (Mart mart : ProjectionMarts.ALL) {
                    ResultTable t = db.query(db.deadline(), "DESCRIBE " + views.relation(mart.name()), List.of(), 1_000);
                    int name = t.columnIndex("column_name");
                    int type = t.columnIndex("column_type");
                    assertThat(t.rows().stream().map(r -> r[name] + " " + r[type]).toList()).as(mart.name())
                            .containsExactlyElementsOf(mart.readerColumns().stream()
                                    .map(c -> c.name() + " " + c.type().sqlName()).toList());
                }
                db.dropSchema(views.schema());
            }
        }
    }
}
