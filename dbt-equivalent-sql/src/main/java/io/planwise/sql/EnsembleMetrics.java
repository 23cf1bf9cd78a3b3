package io.planwise.sql;

import io.planwise.warehouse.contract.EnsembleMetric;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * Writes the {@code ensemble_metrics} table from the contract's {@link EnsembleMetric}, so the list of
 * metrics the bands summarise, the summary column each is read from and its unit live in one place:
 * {@code metric}, {@code summary_column}, {@code units_per_cent} (100 for money: the exact per-trial
 * value is cents; else 1), {@code metric_order} (the enum's order).
 */
final class EnsembleMetrics {
    private EnsembleMetrics() {}

    static void load(DuckDbSession db) throws SQLException {
        db.execute("CREATE OR REPLACE TABLE ensemble_metrics (metric VARCHAR, summary_column VARCHAR, "
                + "units_per_cent INTEGER, metric_order INTEGER)");
        try (DuckDBAppender rows = db.connection().createAppender("ensemble_metrics")) {
            for (EnsembleMetric m : EnsembleMetric.values()) {
                rows.beginRow().append(m.metricName()).append(m.summaryColumn()).append(m.unitsPerCent())
                        .append(m.ordinal()).endRow();
            }
        }
    }
}
