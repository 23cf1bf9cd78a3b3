package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.ensemble.BandStatistics;
import io.planwise.model.mart.EnsembleBand;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The band model {@code int_ensemble_bands.sql} computes exactly the bits of the Java model's
 * {@link BandStatistics} (MODEL.md §6): on a thousand random groups of exact values — 1 to 120 trials,
 * ties, counts and cents from 0 to 8 x 10^15 (sums beyond 2^53), both units, above and below min_trials_for_bands — every
 * mean, sd, min, percentile and max is the same double (compared with {@code Double.compare}, through
 * the record's equals), and the NULLs are the same.
 */
class EnsembleBandStatisticsTest {
    private static final int MIN_TRIALS = 10;

    @TempDir
    Path tmp;

    @Test
    void theBandModelIsTheJavaBandStatisticsBitForBit() throws Exception {
        SplittableRandom random = new SplittableRandom(20250101);
        EnsembleMetric[] metrics = EnsembleMetric.values();
        List<EnsembleBand> expected = new ArrayList<>();
        try (DuckDbSession db = DuckDbSession.open(2, tmp)) {
            db.execute(SqlModels.text("macros/ensemble_statistics"));
            db.execute("CREATE TABLE stg_parameters AS SELECT " + MIN_TRIALS + " AS min_trials_for_bands");
            db.execute("CREATE TABLE int_trial_figures (trial INTEGER, simulation_year INTEGER, level_id INTEGER, "
                    + "metric VARCHAR, units_per_cent INTEGER, value BIGINT)");
            try (DuckDBAppender rows = db.connection().createAppender("int_trial_figures")) {
                for (int group = 0; group < 1_000; group++) {
                    EnsembleMetric metric = metrics[group % metrics.length];
                    int year = 2025 + group / metrics.length;
                    Integer level = group % 3 == 0 ? null : 1 + group % 5;
                    int n = group % 7 == 0 ? 1 + random.nextInt(MIN_TRIALS) : 1 + random.nextInt(120);
                    long scale = switch (group % 5) {
                        case 0 -> 5;                        // many ties
                        case 1 -> 2_000;
                        case 2 -> 9_000_000_000L;           // payroll-sized cents
                        case 3 -> 10_000_000_000_000L;      // 10^13
                        default -> 4_000_000_000_000_000L;  // sums beyond 2^53: the long-to-double rounding
                    };
                    long offset = random.nextLong(scale + 1);
                    long[] values = new long[n];
                    for (int t = 0; t < n; t++) {
                        values[t] = offset + random.nextLong(scale + 1);
                        rows.beginRow().append(t).append(year);
                        if (level == null) {
                            rows.appendNull();
                        } else {
                            rows.append(level.intValue());
                        }
                        rows.append(metric.metricName()).append(metric.unitsPerCent()).append(values[t]).endRow();
                    }
                    expected.add(BandStatistics.band("s", year, level, metric, values, MIN_TRIALS));
                }
            }
            db.execute("CREATE TABLE int_ensemble_bands AS " + SqlModels.text("models/intermediate/int_ensemble_bands"));

            List<EnsembleBand> actual = new ArrayList<>();
            for (Map<String, Object> r : db.rows("SELECT * FROM int_ensemble_bands")) {
                actual.add(new EnsembleBand("s", ((Number) r.get("simulation_year")).intValue(),
                        (Integer) r.get("level_id"), (String) r.get("metric"), ((Number) r.get("n_trials")).intValue(),
                        (Boolean) r.get("is_sufficient"), (Double) r.get("mean"), (Double) r.get("sd"),
                        (Double) r.get("min"), (Double) r.get("p5"), (Double) r.get("p10"), (Double) r.get("p25"),
                        (Double) r.get("p50"), (Double) r.get("p75"), (Double) r.get("p90"), (Double) r.get("p95"),
                        (Double) r.get("max")));
            }
            assertThat(actual).as("bands of the SQL model vs BandStatistics").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(expected).as("groups with and without percentiles").anyMatch(EnsembleBand::isSufficient)
                    .anyMatch(b -> !b.isSufficient());
        }
    }
}
