package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.planwise.connector.rows.RowFiles;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusAccounting;
import io.planwise.model.census.CensusBucket;
import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusRowDecoder;
import io.planwise.model.census.CensusStaging;
import io.planwise.model.census.StagedRow;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.draw.EmployeeKey;
import io.planwise.model.ensemble.BandStatistics;
import io.planwise.model.ensemble.EnsembleChecks;
import io.planwise.model.ensemble.TrialFigure;
import io.planwise.model.ensemble.TrialFigures;
import io.planwise.model.mart.EnsembleBand;
import io.planwise.model.mart.QualityCheck;
import io.planwise.model.mart.WorkforceNeeds;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.WorkforceSummary;
import io.planwise.model.mart.YearlyEvent;
import io.planwise.model.projection.BaselineEmployee;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.RunChecks;
import io.planwise.model.projection.TrialProjection;
import io.planwise.testing.MartReader;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.RunRecord;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monte Carlo ensembles in the SQL engine (MODEL.md §6), on a 1,200-employee synthetic census over
 * three years:
 * <ul>
 *   <li>a trial's rows do not depend on how many trials run beside it (5 vs 20 trials);</li>
 *   <li>each trial is exactly the single-trial Java model ({@link TrialProjection}) run for that trial:
 *       needs, summary, checks, and a detail trial's events and snapshot rows;</li>
 *   <li>the bands are the Java model's {@link BandStatistics} of the published summary bit for bit, agree
 *       with DuckDB's own quantile_cont / stddev_samp, and are NULL below min_trials_for_bands;</li>
 *   <li>the ensemble checks are dq_checks rows with trial NULL, pass, and close {@code _run.json}'s checks;</li>
 *   <li>only the detail trials write events and snapshot rows.</li>
 * </ul>
 */
class SqlEnsembleTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    private static final int START = 2025;
    private static final int END = 2027;

    @TempDir
    static Path tmp;

    private static Path census;
    private static final Map<String, Run> RUNS = new HashMap<>();

    /** One published SQL run. */
    private record Run(ScenarioConfig config, SqlProjectionResult result, Path warehouse) {
        MartReader marts() throws SQLException {
            return MartReader.of(result.manifest(), warehouse);
        }

        RunRecord record() {
            return RunRecordFile.read(new WarehouseLayout(warehouse).resolve(result.manifest().runDir()));
        }
    }

    @BeforeAll
    static void census() throws Exception {
        census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(11, AS_OF).writeCsv(1_200, w);
        }
    }

    private static ScenarioConfig config(String scenario, int trials, int detailTrials, int minTrialsForBands) {
        return ScenarioConfig.parse("""
                scenario_id: %s
                simulation:
                  start_year: %d
                  end_year: %d
                  random_seed: 4242
                  trials: %d
                  detail_trials: %d
                  min_trials_for_bands: %d
                """.formatted(scenario, START, END, trials, detailTrials, minTrialsForBands), scenario + ".yaml");
    }

    /** The run of this shape, run once for the whole class. */
    private static synchronized Run run(int trials, int detailTrials, int minTrialsForBands) throws Exception {
        String name = "t" + trials + "_d" + detailTrials + "_m" + minTrialsForBands;
        Run run = RUNS.get(name);
        if (run == null) {
            ScenarioConfig config = config(name, trials, detailTrials, minTrialsForBands);
            Path warehouse = tmp.resolve(name);
            SqlProjectionResult result = SqlEngine.run(census, config, warehouse, 2);
            InvariantTestsAssert.allPassed(result);
            run = new Run(config, result, warehouse);
            RUNS.put(name, run);
        }
        return run;
    }

    @Test
    void aTrialsRowsDoNotDependOnHowManyTrialsRunBesideIt() throws Exception {
        Run five = run(5, 2, 10);
        Run twenty = run(20, 2, 10);
        try (MartReader marts = new MartReader()) {
            marts.attach("five", five.result().manifest(), new WarehouseLayout(five.warehouse()));
            marts.attach("twenty", twenty.result().manifest(), new WarehouseLayout(twenty.warehouse()));
            for (String mart : List.of("fct_workforce_needs", "fct_workforce_summary", "dq_checks")) {
                String columns = "* EXCLUDE (scenario_id)";
                String a = "SELECT " + columns + " FROM five." + mart + " WHERE trial < 5";
                String b = "SELECT " + columns + " FROM twenty." + mart + " WHERE trial < 5";
                assertThat(marts.count("SELECT count(*) FROM ((" + a + ") EXCEPT ALL (" + b + "))")
                        + marts.count("SELECT count(*) FROM ((" + b + ") EXCEPT ALL (" + a + "))"))
                        .as("%s rows of trials 0-4 that differ between 5 and 20 trials", mart).isZero();
                assertThat(marts.count("SELECT count(DISTINCT trial) FROM twenty." + mart + " WHERE trial IS NOT NULL"))
                        .as("trials in %s of the 20-trial run", mart).isEqualTo(20);
            }
            assertThat(marts.count("SELECT count(*) FROM five.fct_workforce_summary WHERE trial < 5")).isEqualTo(5L * 3 * levels());
            for (String mart : List.of("fct_yearly_events", "fct_workforce_snapshot")) {
                String a = "SELECT * EXCLUDE (scenario_id) FROM five." + mart;
                String b = "SELECT * EXCLUDE (scenario_id) FROM twenty." + mart;
                assertThat(marts.count("SELECT count(*) FROM ((" + a + ") EXCEPT ALL (" + b + "))")
                        + marts.count("SELECT count(*) FROM ((" + b + ") EXCEPT ALL (" + a + "))"))
                        .as("%s rows of the detail trials that differ between 5 and 20 trials", mart).isZero();
                assertThat(marts.count("SELECT count(*) FROM five." + mart)).as("%s rows", mart).isGreaterThan(1_000);
            }
            assertThat(marts.count("SELECT count(DISTINCT hires) FROM twenty.fct_workforce_needs WHERE simulation_year = 2025"))
                    .as("the trials draw differently").isGreaterThan(1);
        }
    }

    @Test
    void everyTrialIsTheSingleTrialJavaModelRunForThatTrial() throws Exception {
        Run run = run(5, 2, 10);
        ProjectionParameters p = new ProjectionParameters(run.config(), Assumptions.bundledDefaults(), 0);
        List<BaselineEmployee> baseline = baseline(p);
        RunRecord.CensusCounts c = run.record().census();
        CensusAccounting accounting = new CensusAccounting(c.rowsRead(), c.baseline(), c.terminatedBeforeStart(),
                c.notYetHired(), c.rejected(), c.warnings());
        try (MartReader marts = run.marts()) {
            for (int trial = 0; trial < 5; trial++) {
                List<YearlyEvent> events = new ArrayList<>();
                List<WorkforceSnapshot> snapshot = new ArrayList<>();
                RunChecks java = new TrialProjection(p.forTrial(trial), accounting).run(baseline,
                        new TrialProjection.DetailRows() {
                            @Override
                            public void event(YearlyEvent e) {
                                events.add(e);
                            }

                            @Override
                            public void snapshot(WorkforceSnapshot s) {
                                snapshot.add(s);
                            }
                        });
                assertThat(needs(marts, trial)).as("needs of trial %d", trial)
                        .containsExactlyInAnyOrderElementsOf(java.needsRows());
                assertThat(summary(marts, trial)).as("summary of trial %d", trial)
                        .containsExactlyInAnyOrderElementsOf(java.summaryRows());
                assertThat(checks(marts, "trial = " + trial)).as("checks of trial %d", trial)
                        .containsExactlyInAnyOrderElementsOf(java.checks());
                if (trial < 2) {
                    assertThat(events(marts, trial)).as("events of detail trial %d", trial)
                            .containsExactlyInAnyOrderElementsOf(events);
                    assertThat(snapshot(marts, trial)).as("snapshot of detail trial %d", trial)
                            .containsExactlyInAnyOrderElementsOf(snapshot);
                }
            }
        }
    }

    @Test
    void bandsAreTheJavaBandStatisticsOfThePublishedSummaryBitForBit() throws Exception {
        Run run = run(20, 2, 10);
        try (MartReader marts = run.marts()) {
            List<EnsembleBand> expected = javaBands(marts, 20, 10);
            List<EnsembleBand> actual = bands(marts);
            assertThat(actual).as("fct_ensemble_bands vs BandStatistics").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(actual).hasSize(3 * EnsembleMetric.values().length * (levels() + 1)).allMatch(EnsembleBand::isSufficient);
            assertThat(actual).as("bands with a spread").anyMatch(b -> b.sd() > 0 && b.p95() > b.p5());
        }
    }

    @Test
    void bandsAgreeWithDuckDbsOwnQuantilesAndSampleSd() throws Exception {
        Run run = run(20, 2, 10);
        try (MartReader marts = run.marts()) {
            Map<String, Map<String, Object>> oracle = new HashMap<>();
            for (Map<String, Object> r : marts.records("WITH v AS (" + trialValues() + ") "
                    + "SELECT simulation_year, level_id, metric, any_value(unit) AS unit, count(*) AS n, min(value) AS lo, "
                    + "max(value) AS hi, avg(value) AS mean, stddev_samp(value) AS sd, "
                    + "quantile_cont(value, [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]) AS q "
                    + "FROM v GROUP BY ALL")) {
                oracle.put(key(r), r);
            }
            List<Map<String, Object>> bands = marts.records("SELECT * FROM fct_ensemble_bands");
            assertThat(bands).hasSize(oracle.size());
            for (Map<String, Object> b : bands) {
                Map<String, Object> o = oracle.get(key(b));
                assertThat(o).as("oracle row of %s", key(b)).isNotNull();
                double unit = ((Number) o.get("unit")).doubleValue();
                assertThat(((Number) b.get("n_trials")).longValue()).isEqualTo(((Number) o.get("n")).longValue()).isEqualTo(20);
                assertThat((Double) b.get("min")).isEqualTo(((Number) o.get("lo")).longValue() / unit);
                assertThat((Double) b.get("max")).isEqualTo(((Number) o.get("hi")).longValue() / unit);
                assertClose(key(b) + " mean", (Double) b.get("mean"), ((Number) o.get("mean")).doubleValue() / unit);
                assertClose(key(b) + " sd", (Double) b.get("sd"), ((Number) o.get("sd")).doubleValue() / unit);
                Object[] q = quantiles(o.get("q"));
                String[] columns = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};
                for (int i = 0; i < columns.length; i++) {
                    assertClose(key(b) + " " + columns[i], (Double) b.get(columns[i]), ((Number) q[i]).doubleValue() / unit);
                }
            }
        }
    }

    @Test
    void belowMinTrialsForBandsTheSpreadIsNull() throws Exception {
        Run run = run(3, 1, 10);
        try (MartReader marts = run.marts()) {
            List<EnsembleBand> bands = bands(marts);
            assertThat(bands).hasSize(3 * EnsembleMetric.values().length * (levels() + 1));
            assertThat(bands).allSatisfy(b -> {
                assertThat(b.nTrials()).isEqualTo(3);
                assertThat(b.isSufficient()).isFalse();
                assertThat(List.of(b.min(), b.mean(), b.max())).doesNotContainNull();
                assertThat(b.min()).isLessThanOrEqualTo(b.max());
                assertThat(new Double[] {b.sd(), b.p5(), b.p10(), b.p25(), b.p50(), b.p75(), b.p90(), b.p95()})
                        .containsOnlyNulls();
            });
            assertThat(bands).containsExactlyInAnyOrderElementsOf(javaBands(marts, 3, 10));
            assertThat(checks(marts, "trial IS NULL")).as("ensemble checks").hasSize(6).allMatch(QualityCheck::passed);
        }
    }

    @Test
    void theEnsembleChecksAreDqChecksRowsWithTrialNullAndPass() throws Exception {
        Run run = run(20, 2, 10);
        try (MartReader marts = run.marts()) {
            List<EnsembleBand> bands = javaBands(marts, 20, 10);
            List<QualityCheck> expected = new ArrayList<>();
            for (int year = START; year <= END; year++) {
                int y = year;
                expected.addAll(EnsembleChecks.of(run.config().scenarioId(), year,
                        bands.stream().filter(b -> b.simulationYear() == y).toList(), 20, levels()));
            }
            List<QualityCheck> ensemble = checks(marts, "trial IS NULL");
            assertThat(ensemble).as("ensemble checks vs EnsembleChecks").containsExactlyInAnyOrderElementsOf(expected)
                    .hasSize(6).allMatch(QualityCheck::passed);
            int rows = EnsembleMetric.values().length * (levels() + 1);
            assertThat(ensemble).extracting(QualityCheck::detail).contains(
                    rows + " rows, expected " + rows + "; trials per row 20-20, expected 20", "0 of " + rows + " rows out of order");
            assertThat(marts.count("SELECT count(*) FROM dq_checks WHERE NOT passed")).isZero();
            assertThat(marts.count("SELECT count(DISTINCT trial) FROM dq_checks")).isEqualTo(20);

            RunRecord record = run.record();
            assertThat(record.trials()).isEqualTo(20);
            assertThat(record.detailTrials()).isEqualTo(2);
            List<String> trialZero = checks(marts, "trial = 0").stream().map(c -> c.simulationYear() + " " + c.checkName())
                    .sorted((a, b) -> compareChecks(a, b, RunChecks.NAMES)).toList();
            List<String> ensembleOrder = new ArrayList<>();
            for (int year = START; year <= END; year++) {
                for (String name : EnsembleChecks.NAMES) {
                    ensembleOrder.add(year + " " + name);
                }
            }
            List<String> expectedOrder = new ArrayList<>(trialZero);
            expectedOrder.addAll(ensembleOrder);
            assertThat(record.checks()).extracting(c -> c.simulationYear() + " " + c.check())
                    .as("_run.json checks: trial 0's, then the ensemble's").containsExactlyElementsOf(expectedOrder);
            assertThat(record.years()).extracting(RunRecord.YearFigures::hires).as("_run.json years are trial 0's")
                    .containsExactlyElementsOf(needs(marts, 0).stream().sorted((a, b) -> a.simulationYear() - b.simulationYear())
                            .map(WorkforceNeeds::hires).toList());
        }
    }

    @Test
    void onlyTheDetailTrialsWriteEventsAndSnapshots() throws Exception {
        Run run = run(4, 2, 10);
        try (MartReader marts = run.marts()) {
            assertThat(marts.strings("SELECT DISTINCT trial FROM fct_yearly_events ORDER BY 1")).containsExactly("0", "1");
            assertThat(marts.strings("SELECT DISTINCT trial FROM fct_workforce_snapshot ORDER BY 1")).containsExactly("0", "1");
            assertThat(marts.strings("SELECT DISTINCT simulation_year || '/' || trial FROM fct_workforce_snapshot ORDER BY 1"))
                    .hasSize(6);
            for (String mart : List.of("fct_workforce_needs", "fct_workforce_summary")) {
                assertThat(marts.strings("SELECT DISTINCT trial FROM " + mart + " ORDER BY 1")).as(mart)
                        .containsExactly("0", "1", "2", "3");
            }
            assertThat(marts.strings("SELECT DISTINCT trial FROM dq_checks ORDER BY 1 NULLS LAST"))
                    .containsExactly("0", "1", "2", "3", null);
            assertThat(marts.strings("SELECT DISTINCT trial FROM dq_census_issues")).allMatch("0"::equals);
            assertThat(run.result().manifest().marts().keySet()).containsExactlyInAnyOrderElementsOf(MartReader.ALL);
            assertThat(run.result().manifest().marts().get("fct_ensemble_bands").rowCount())
                    .isEqualTo(3L * EnsembleMetric.values().length * (levels() + 1));
            // The snapshot of a detail trial is its whole workforce: start + hires each year.
            assertThat(marts.count("SELECT count(*) FROM fct_workforce_snapshot WHERE trial = 1"))
                    .isEqualTo(marts.count("SELECT sum(starting_workforce + hires) FROM fct_workforce_needs WHERE trial = 1"));
        }
    }

    // ---- reading the marts back as the Java model's records ----

    private static List<WorkforceNeeds> needs(MartReader marts, int trial) throws SQLException {
        List<WorkforceNeeds> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records("SELECT * FROM fct_workforce_needs WHERE trial = " + trial)) {
            rows.add(new WorkforceNeeds((String) r.get("scenario_id"), integer(r, "trial"), integer(r, "simulation_year"),
                    number(r, "starting_workforce"), number(r, "target_ending_workforce"),
                    number(r, "experienced_terminations"), number(r, "hires"), number(r, "new_hire_terminations"),
                    number(r, "rif_terminations"), number(r, "ending_workforce"), (Double) r.get("termination_calibration")));
        }
        return rows;
    }

    private static List<WorkforceSummary> summary(MartReader marts, int trial) throws SQLException {
        return summary(marts, "trial = " + trial);
    }

    private static List<WorkforceSummary> summary(MartReader marts, String where) throws SQLException {
        List<WorkforceSummary> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records("SELECT * FROM fct_workforce_summary WHERE " + where)) {
            rows.add(new WorkforceSummary((String) r.get("scenario_id"), integer(r, "trial"), integer(r, "simulation_year"),
                    integer(r, "level_id"), number(r, "starting_headcount"), number(r, "experienced_terminations"),
                    number(r, "new_hire_terminations"), number(r, "rif_terminations"), number(r, "hires"),
                    number(r, "promotions_in"), number(r, "promotions_out"), number(r, "ending_headcount"),
                    cents(r, "ending_total_compensation"), cents(r, "ending_avg_compensation"),
                    cents(r, "prorated_compensation_cost")));
        }
        return rows;
    }

    private static List<QualityCheck> checks(MartReader marts, String where) throws SQLException {
        List<QualityCheck> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records("SELECT * FROM dq_checks WHERE " + where)) {
            rows.add(new QualityCheck((String) r.get("scenario_id"), (Integer) r.get("trial"), integer(r, "simulation_year"),
                    (String) r.get("check_name"), (Boolean) r.get("passed"), (String) r.get("detail")));
        }
        return rows;
    }

    private static List<YearlyEvent> events(MartReader marts, int trial) throws SQLException {
        List<YearlyEvent> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records("SELECT * FROM fct_yearly_events WHERE trial = " + trial)) {
            rows.add(new YearlyEvent((String) r.get("scenario_id"), integer(r, "trial"), integer(r, "simulation_year"),
                    (String) r.get("event_id"), (String) r.get("employee_id"), (String) r.get("event_type"),
                    (String) r.get("event_category"), date(r, "effective_date"), nullableCents(r, "compensation_amount"),
                    nullableCents(r, "previous_compensation"), integer(r, "level_id"), (Integer) r.get("previous_level_id"),
                    integer(r, "employee_age"), integer(r, "employee_tenure"), (String) r.get("age_band"),
                    (String) r.get("tenure_band"), (Double) r.get("event_probability"), integer(r, "event_sequence")));
        }
        return rows;
    }

    private static List<WorkforceSnapshot> snapshot(MartReader marts, int trial) throws SQLException {
        List<WorkforceSnapshot> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records("SELECT * FROM fct_workforce_snapshot WHERE trial = " + trial)) {
            rows.add(new WorkforceSnapshot((String) r.get("scenario_id"), integer(r, "trial"), integer(r, "simulation_year"),
                    (String) r.get("employee_id"), date(r, "employee_birth_date"), date(r, "employee_hire_date"),
                    (String) r.get("employment_status"), (String) r.get("detailed_status_code"),
                    date(r, "termination_date"), (String) r.get("termination_reason"), cents(r, "current_compensation"),
                    cents(r, "prorated_annual_compensation"), integer(r, "level_id"), integer(r, "current_age"),
                    integer(r, "current_tenure"), (String) r.get("age_band"), (String) r.get("tenure_band")));
        }
        return rows;
    }

    private static List<EnsembleBand> bands(MartReader marts) throws SQLException {
        List<EnsembleBand> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records("SELECT * FROM fct_ensemble_bands")) {
            rows.add(new EnsembleBand((String) r.get("scenario_id"), integer(r, "simulation_year"), (Integer) r.get("level_id"),
                    (String) r.get("metric"), integer(r, "n_trials"), (Boolean) r.get("is_sufficient"), (Double) r.get("mean"),
                    (Double) r.get("sd"), (Double) r.get("min"), (Double) r.get("p5"), (Double) r.get("p10"),
                    (Double) r.get("p25"), (Double) r.get("p50"), (Double) r.get("p75"), (Double) r.get("p90"),
                    (Double) r.get("p95"), (Double) r.get("max")));
        }
        return rows;
    }

    /** The bands the Java model computes from the published summary rows: TrialFigures, then BandStatistics. */
    private static List<EnsembleBand> javaBands(MartReader marts, int trials, int minTrials) throws SQLException {
        String scenario = marts.strings("SELECT DISTINCT scenario_id FROM fct_workforce_summary").get(0);
        Map<String, List<TrialFigure>> byBand = new TreeMap<>();
        for (int trial = 0; trial < trials; trial++) {
            for (TrialFigure f : TrialFigures.of(trial, summary(marts, trial))) {
                byBand.computeIfAbsent(f.simulationYear() + "/" + f.levelId() + "/" + f.metric(), k -> new ArrayList<>()).add(f);
            }
        }
        List<EnsembleBand> bands = new ArrayList<>();
        byBand.values().forEach(figures -> {
            TrialFigure first = figures.get(0);
            long[] values = figures.stream().mapToLong(TrialFigure::value).toArray();
            bands.add(BandStatistics.band(scenario, first.simulationYear(), first.levelId(),
                    EnsembleMetric.named(first.metric()), values, minTrials));
        });
        return bands;
    }

    /** Every trial's exact value of every metric, per level and for all levels, written out from the enum. */
    private static String trialValues() {
        String perLevel = java.util.Arrays.stream(EnsembleMetric.values()).map(m -> "SELECT trial, simulation_year, level_id, '"
                + m.metricName() + "' AS metric, " + m.unitsPerCent() + " AS unit, CAST(" + m.summaryColumn() + " * "
                + m.unitsPerCent() + " AS BIGINT) AS value FROM fct_workforce_summary").collect(Collectors.joining(" UNION ALL "));
        return "SELECT * FROM (" + perLevel + ") UNION ALL SELECT trial, simulation_year, NULL, metric, unit, "
                + "CAST(sum(value) AS BIGINT) FROM (" + perLevel + ") GROUP BY trial, simulation_year, metric, unit";
    }

    private static String key(Map<String, Object> r) {
        return r.get("simulation_year") + "/" + r.get("level_id") + "/" + r.get("metric");
    }

    private static Object[] quantiles(Object list) throws SQLException {
        if (list instanceof java.sql.Array a) {
            return (Object[]) a.getArray();
        }
        return ((List<?>) list).toArray();
    }

    private static void assertClose(String what, Double actual, double expected) {
        assertThat(actual).as(what).isNotNull();
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    private static int compareChecks(String a, String b, List<String> order) {
        int year = a.substring(0, 4).compareTo(b.substring(0, 4));
        return year != 0 ? year : Integer.compare(order.indexOf(a.substring(5)), order.indexOf(b.substring(5)));
    }

    private static int levels() {
        return Assumptions.bundledDefaults().jobLevels().size();
    }

    /** The census baseline as the Java model stages it: parsed, de-duplicated, active on the as-of date. */
    private static List<BaselineEmployee> baseline(ProjectionParameters p) throws Exception {
        Map<String, CensusCandidate> winners = new TreeMap<>();
        RowFiles.readAll(census.toAbsolutePath(), new CensusRowDecoder(), (CensusRow row) -> {
            StagedRow staged = CensusStaging.stage(row, AS_OF);
            if (!staged.rejected()) {
                winners.merge(staged.candidate().employeeId(), staged.candidate(), (a, b) -> b.beats(a) ? b : a);
            }
        });
        List<BaselineEmployee> baseline = new ArrayList<>();
        for (CensusCandidate c : winners.values()) {
            if (c.bucket(AS_OF) == CensusBucket.BASELINE) {
                baseline.add(new BaselineEmployee(c.employeeId(), EmployeeKey.of(c.employeeId()), c.birthDate(),
                        c.hireDate(), c.compensationCents(), p.levelForSalary(c.compensationCents())));
            }
        }
        return baseline;
    }

    private static int integer(Map<String, Object> r, String column) {
        return ((Number) r.get(column)).intValue();
    }

    private static long number(Map<String, Object> r, String column) {
        return ((Number) r.get(column)).longValue();
    }

    private static long cents(Map<String, Object> r, String column) {
        return ((BigDecimal) r.get(column)).movePointRight(2).longValueExact();
    }

    private static Long nullableCents(Map<String, Object> r, String column) {
        return r.get(column) == null ? null : cents(r, column);
    }

    private static LocalDate date(Map<String, Object> r, String column) {
        Object v = r.get(column);
        if (v == null) {
            return null;
        }
        return v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }
}
