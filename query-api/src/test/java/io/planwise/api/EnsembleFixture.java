package io.planwise.api;

import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;
import io.planwise.warehouse.contract.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monte Carlo ensembles published from the run contract ({@link ProjectionMarts}, written by
 * {@link ContractParquet}, listed in a manifest and published through {@link ManifestStore} as an
 * engine does), with figures simple enough to work the answers out by hand.
 *
 * <p>Trial t (0 … trials − 1) of year Y (k = Y − {@value #FIRST_YEAR}) has these
 * {@code fct_workforce_summary} rows:
 * <pre>
 *   column                      level 1                              level 2                   all levels (sum)
 *   ending_headcount            60 + 10k + t                         40                        100 + 10k + t
 *   hires                       10 + t                               2                         12 + t
 *   experienced_terminations    5 + k                                1                         6 + k
 *   new_hire_terminations       t mod 3                              0                         t mod 3
 *   rif_terminations            0                                    1 in trial 11, else 0     the same
 *   promotions_in               0                                    t mod 4                   t mod 4
 *   promotions_out              t mod 4                              0                         t mod 4
 *   ending_total_compensation   5,000,000.00 + 100,000k + 1,000.50t  4,000,000.25 + 100,000k   9,000,000.25 + 200,000k + 1,000.50t
 *   prorated_compensation_cost  4,900,000.00 + 100,000k + 999.99t    3,950,000.00 + 100,000k   8,850,000.00 + 200,000k + 999.99t
 *   starting_headcount          55 + 10k                             40
 * </pre>
 * {@code fct_workforce_needs} per trial and year: starting 95 + 10k, target 100 + 10k, the terminations
 * and hires of the all-levels column, ending 100 + 10k + t. {@code fct_ensemble_bands} summarises these
 * as MODEL.md section 6 says (exact values, Hyndman–Fan type 7, sample sd; sd and percentiles NULL below
 * {@value #MIN_TRIALS_FOR_BANDS} trials), written in scrambled level order so readers must sort.
 * {@code dq_checks} has trial 0's check and the ensemble's (trial NULL) per year; events, snapshot and
 * census issues are empty. {@code _run.json} says {@code trials}.
 *
 * <p>{@link #create} makes a whole warehouse with a key file; {@link #publish} adds an ensemble to any
 * warehouse (a copy of {@link TestWarehouse}, say).
 */
final class EnsembleFixture {

    /** Reads {@link #SCENARIO} and {@link #FEW_TRIALS}. */
    static final String KEY = "ensemble-key-0123456789";
    /** Reads {@link #OTHER_TENANT} only. */
    static final String OTHER_KEY = "other-tenant-key-0123456789";

    /** {@value #TRIALS} trials: sufficient bands. */
    static final String SCENARIO = "ensemble";
    /** 3 trials: fewer than {@value #MIN_TRIALS_FOR_BANDS}, so sd and percentiles are NULL. */
    static final String FEW_TRIALS = "few_trials";
    /** Like {@link #SCENARIO}, outside {@link #KEY}'s scope. */
    static final String OTHER_TENANT = "other_tenant";

    static final int TRIALS = 12;
    static final int FEW = 3;
    static final int FIRST_YEAR = 2025;
    static final int LAST_YEAR = 2026;
    static final List<Integer> LEVELS = List.of(1, 2);
    static final int MIN_TRIALS_FOR_BANDS = 10;
    static final double[] PERCENTILES = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};
    static final List<String> PERCENTILE_COLUMNS = List.of("p5", "p10", "p25", "p50", "p75", "p90", "p95");

    final Path root;
    final Path keys;
    /** The published manifest of each scenario. */
    final Map<String, RunManifest> runs;

    private EnsembleFixture(Path root, Path keys, Map<String, RunManifest> runs) {
        this.root = root;
        this.keys = keys;
        this.runs = runs;
    }

    /** A new warehouse under {@code dir} with the three scenarios published, and its key file. */
    static EnsembleFixture create(Path dir) {
        Path root = dir.resolve("wh");
        Path keys = dir.resolve("ensemble-keys.yaml");
        Map<String, RunManifest> runs = new LinkedHashMap<>();
        runs.put(SCENARIO, publish(root, SCENARIO, TRIALS));
        runs.put(FEW_TRIALS, publish(root, FEW_TRIALS, FEW));
        runs.put(OTHER_TENANT, publish(root, OTHER_TENANT, TRIALS));
        try {
            Files.writeString(keys, String.join("\n",
                    "keys:",
                    "  - name: ensemble",
                    "    sha256: " + ApiKeys.sha256Hex(KEY),
                    "    scenarios: [" + SCENARIO + ", " + FEW_TRIALS + "]",
                    "  - name: other",
                    "    sha256: " + ApiKeys.sha256Hex(OTHER_KEY),
                    "    scenarios: [" + OTHER_TENANT + "]",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EnsembleFixture(root, keys, Collections.unmodifiableMap(runs));
    }

    /**
     * Writes an ensemble of {@code trials} trials as a new run of {@code scenario} in the warehouse at
     * {@code warehouseRoot} (created if needed) and publishes it; returns its manifest.
     */
    static RunManifest publish(Path warehouseRoot, String scenario, int trials) {
        WarehouseLayout layout = new WarehouseLayout(warehouseRoot);
        String runId = RunIds.next(Clock.systemUTC());
        Path runDir = layout.runDir(scenario, runId);
        Map<String, MartEntry> marts = new TreeMap<>();
        try {
            Map<Mart, List<MartFile>> files = new LinkedHashMap<>();
            ProjectionMarts.ALL.forEach(m -> files.put(m, new ArrayList<>()));
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                write(layout, runDir, ProjectionMarts.SUMMARY, year, summaryRows(scenario, year, trials), files);
                write(layout, runDir, ProjectionMarts.NEEDS, year, needsRows(scenario, year, trials), files);
                write(layout, runDir, ProjectionMarts.BANDS, year, bandRows(scenario, year, trials), files);
                write(layout, runDir, ProjectionMarts.CHECKS, year, checkRows(scenario), files);
            }
            files.forEach((mart, list) -> marts.put(mart.name(), MartEntry.of(mart.manifestColumns(), list)));
        } catch (Exception e) {
            throw new IllegalStateException("Could not write the ensemble fixture of " + scenario + ": " + e, e);
        }
        Instant publishedAt = Instant.now();
        Map<String, Long> rows = new TreeMap<>();
        marts.forEach((name, entry) -> rows.put(name, entry.rowCount()));
        RunRecord record = RunRecord.started("fixture", trials, 1, 1, publishedAt, "EnsembleFixture",
                Map.of("simulation.trials", trials, "simulation.min_trials_for_bands", MIN_TRIALS_FOR_BANDS), Map.of(),
                scenario, runId).evaluated(null, List.of(), List.of()).published(publishedAt, rows);
        RunRecordFile.write(runDir, record);
        RunManifest manifest = new RunManifest(scenario, runId, publishedAt, marts);
        new ManifestStore(layout).publish(manifest);
        return manifest;
    }

    private static void write(WarehouseLayout layout, Path runDir, Mart mart, int year, List<Map<String, Object>> rows,
            Map<Mart, List<MartFile>> files) throws Exception {
        Path dir = Files.createDirectories(runDir.resolve(mart.name()).resolve(mart.partitionColumn() + "=" + year));
        Path file = dir.resolve("part-0.parquet");
        ContractParquet.write(mart, file, rows);
        files.get(mart).add(new MartFile(layout.relativize(file), rows.size(), year));
    }

    // ---- the figures -------------------------------------------------------------------------------

    /**
     * A metric's exact value (people, or cents for money: dollars × {@link EnsembleMetric#unitsPerCent()})
     * in trial t of a year, for a level or, with {@code level} null, all levels.
     */
    static long value(EnsembleMetric metric, int year, Integer level, int trial) {
        if (level == null) {
            return LEVELS.stream().mapToLong(l -> value(metric, year, l, trial)).sum();
        }
        Map<String, Object> row = summaryRow(SCENARIO, year, level, trial);
        Object v = row.get(metric.summaryColumn());
        return v instanceof BigDecimal d ? d.movePointRight(2).longValueExact() : ((Number) v).longValue();
    }

    private static Map<String, Object> summaryRow(String scenario, int year, int level, int t) {
        int k = year - FIRST_YEAR;
        boolean one = level == 1;
        long ending = one ? 60 + 10L * k + t : 40;
        BigDecimal payroll = one ? new BigDecimal("5000000.00").add(new BigDecimal("100000").multiply(BigDecimal.valueOf(k)))
                .add(new BigDecimal("1000.50").multiply(BigDecimal.valueOf(t)))
                : new BigDecimal("4000000.25").add(new BigDecimal("100000").multiply(BigDecimal.valueOf(k)));
        BigDecimal prorated = one ? new BigDecimal("4900000.00").add(new BigDecimal("100000").multiply(BigDecimal.valueOf(k)))
                .add(new BigDecimal("999.99").multiply(BigDecimal.valueOf(t)))
                : new BigDecimal("3950000.00").add(new BigDecimal("100000").multiply(BigDecimal.valueOf(k)));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario_id", scenario);
        row.put("trial", t);
        row.put("level_id", level);
        row.put("starting_headcount", one ? 55L + 10L * k : 40L);
        row.put("experienced_terminations", one ? 5L + k : 1L);
        row.put("new_hire_terminations", one ? (long) (t % 3) : 0L);
        row.put("rif_terminations", !one && t == 11 ? 1L : 0L);
        row.put("hires", one ? 10L + t : 2L);
        row.put("promotions_in", one ? 0L : (long) (t % 4));
        row.put("promotions_out", one ? (long) (t % 4) : 0L);
        row.put("ending_headcount", ending);
        row.put("ending_total_compensation", payroll.setScale(2));
        row.put("ending_avg_compensation", payroll.divide(BigDecimal.valueOf(ending), 2, RoundingMode.HALF_UP));
        row.put("prorated_compensation_cost", prorated.setScale(2));
        return row;
    }

    private static List<Map<String, Object>> summaryRows(String scenario, int year, int trials) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            for (int level : LEVELS) {
                rows.add(summaryRow(scenario, year, level, t));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> needsRows(String scenario, int year, int trials) {
        int k = year - FIRST_YEAR;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario_id", scenario);
            row.put("trial", t);
            row.put("starting_workforce", 95L + 10L * k);
            row.put("target_ending_workforce", 100L + 10L * k);
            row.put("experienced_terminations", 6L + k);
            row.put("hires", 12L + t);
            row.put("new_hire_terminations", (long) (t % 3));
            row.put("rif_terminations", t == 11 ? 1L : 0L);
            row.put("ending_workforce", 100L + 10L * k + t);
            row.put("termination_calibration", 0.5);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> checkRows(String scenario) {
        Map<String, Object> trialZero = new HashMap<>(Map.of("scenario_id", scenario, "trial", 0,
                "check_name", "ending_equals_target", "passed", true));
        // trial left out: NULL, a check of the ensemble as a whole.
        Map<String, Object> ensemble = new HashMap<>(Map.of("scenario_id", scenario, "check_name", "bands_ordered",
                "passed", true, "detail", "min <= p5 <= ... <= p95 <= max"));
        return List.of(trialZero, ensemble);
    }

    private static List<Map<String, Object>> bandRows(String scenario, int year, int trials) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // Scrambled on purpose: level 2, all levels, level 1.
        for (Integer level : Arrays.asList(2, null, 1)) {
            for (EnsembleMetric metric : EnsembleMetric.values()) {
                long[] units = new long[trials];
                for (int t = 0; t < trials; t++) {
                    units[t] = value(metric, year, level, t);
                }
                Map<String, Object> row = band(units, metric.unitsPerCent());
                row.put("scenario_id", scenario);
                if (level != null) {
                    row.put("level_id", level);
                }
                row.put("metric", metric.metricName());
                rows.add(row);
            }
        }
        return rows;
    }

    // ---- band statistics, as MODEL.md section 6 defines them ---------------------------------------

    /**
     * The band of exact per-trial values: n_trials, is_sufficient, mean, sd, min, p5 … p95, max in the
     * band's unit (values / unitsPerCent); sd and percentiles absent (NULL) below the minimum.
     */
    static Map<String, Object> band(long[] units, int unitsPerCent) {
        long[] x = units.clone();
        Arrays.sort(x);
        int n = x.length;
        boolean sufficient = n >= MIN_TRIALS_FOR_BANDS;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n_trials", n);
        row.put("is_sufficient", sufficient);
        double mean = Arrays.stream(x).mapToDouble(v -> v).sum() / n;
        row.put("mean", mean / unitsPerCent);
        if (sufficient) {
            double squares = Arrays.stream(x).mapToDouble(v -> (v - mean) * (v - mean)).sum();
            row.put("sd", Math.sqrt(squares / (n - 1)) / unitsPerCent);
        }
        row.put("min", (double) x[0] / unitsPerCent);
        if (sufficient) {
            for (int i = 0; i < PERCENTILES.length; i++) {
                row.put(PERCENTILE_COLUMNS.get(i), percentile(x, PERCENTILES[i]) / unitsPerCent);
            }
        }
        row.put("max", (double) x[n - 1] / unitsPerCent);
        return row;
    }

    /** Hyndman–Fan type 7 of sorted values: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]). */
    static double percentile(long[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
