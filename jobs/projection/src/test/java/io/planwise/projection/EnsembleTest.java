package io.planwise.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.draw.RandomDraws;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.testing.MartReader;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monte Carlo ensembles in the Flink job (MODEL.md section 6): a trial's rows do not depend on how
 * many trials run beside it or on the parallelism; only the detail trials write events and
 * snapshots; every trial writes needs, summary and checks; the bands agree with DuckDB's own
 * quantile_cont and stddev_samp over the published per-trial summary.
 */
class EnsembleTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private static final ScenarioConfig CONFIG = ScenarioConfig.defaults().withYears(2025, 2027);

    @TempDir
    static Path tmp;

    static Path census;
    static MartReader marts;
    static io.planwise.cli.ProjectionRun twenty;

    @BeforeAll
    static void runEnsembles() throws Exception {
        census = ProjectionRunner.syntheticCensus(tmp, 1_500, 311);
        marts = new MartReader();
        attach("five", ProjectionRunner.run(census, CONFIG.withTrials(5, 2), tmp.resolve("five"), 2), tmp.resolve("five"));
        twenty = ProjectionRunner.run(census, CONFIG.withTrials(20, 2), tmp.resolve("twenty"), 3);
        attach("twenty", twenty, tmp.resolve("twenty"));
        attach("one", ProjectionRunner.run(census, CONFIG, tmp.resolve("one"), 1), tmp.resolve("one"));
    }

    private static void attach(String schema, io.planwise.cli.ProjectionRun run, Path warehouse) throws Exception {
        marts.execute("create schema " + schema);
        marts.attach(schema, run.manifest(), new io.planwise.warehouse.WarehouseLayout(warehouse));
    }

    @Test
    void aTrialsRowsDoNotDependOnTheTrialsBesideItOrOnParallelism() throws Exception {
        for (String mart : List.of("fct_workforce_needs", "fct_workforce_summary", "dq_checks")) {
            String five = "select * from five." + mart + " where trial is not null";
            String firstFive = "select * from twenty." + mart + " where trial < 5";
            assertThat(marts.count("select count(*) from (" + five + ")")).as(mart).isPositive();
            assertThat(marts.count("select count(*) from (" + five + " except all " + firstFive + ")")).as(mart).isZero();
            assertThat(marts.count("select count(*) from (" + firstFive + " except all " + five + ")")).as(mart).isZero();
        }
        for (String mart : List.of("fct_yearly_events", "fct_workforce_snapshot")) {
            assertThat(marts.count("select count(*) from (select * from five." + mart + " except all select * from twenty."
                    + mart + ")")).as(mart).isZero();
            // Trial 0 of an ensemble is the single projection.
            assertThat(marts.count("select count(*) from (select * from one." + mart + " except all select * from five."
                    + mart + " where trial = 0)")).as(mart).isZero();
        }
        // Different trials really draw differently.
        assertThat(marts.count("select count(distinct experienced_terminations) from twenty.fct_workforce_needs"
                + " where simulation_year = 2025")).isGreaterThan(5);
    }

    @Test
    void onlyDetailTrialsWriteEventsAndSnapshotsButEveryTrialWritesItsFigures() throws Exception {
        assertThat(marts.strings("select distinct trial::varchar from twenty.fct_yearly_events order by 1"))
                .containsExactly("0", "1");
        assertThat(marts.strings("select distinct trial::varchar from twenty.fct_workforce_snapshot order by 1"))
                .containsExactly("0", "1");
        assertThat(marts.count("select count(distinct trial) from twenty.fct_workforce_needs")).isEqualTo(20);
        assertThat(marts.count("select count(distinct trial) from twenty.fct_workforce_summary")).isEqualTo(20);
        // Every trial's own checks, every year, all passed; ensemble checks have no trial.
        assertThat(marts.count("select count(distinct trial) from twenty.dq_checks")).isEqualTo(20);
        assertThat(marts.count("select count(*) from twenty.dq_checks where not passed")).isZero();
        assertThat(marts.strings("select distinct check_name from twenty.dq_checks where trial is null order by 1"))
                .containsExactly("bands_complete", "bands_ordered");
        // Ending headcount = target in every trial and year (the summary against the needs).
        assertThat(marts.count("select count(*) from (select trial, simulation_year, sum(ending_headcount) e"
                + " from twenty.fct_workforce_summary group by all) s join twenty.fct_workforce_needs n using (trial,"
                + " simulation_year) where s.e <> n.target_ending_workforce")).isZero();

        RunRecord record = RunRecordFile.read(twenty.runDir());
        assertThat(record.trials()).isEqualTo(20);
        assertThat(record.detailTrials()).isEqualTo(2);
    }

    @Test
    void bandsAreExactOrderStatisticsOfThePublishedTrials() throws Exception {
        // One row per year × (levels + all) × metric, each over all 20 trials.
        long levels = marts.count("select count(distinct level_id) from twenty.fct_workforce_summary");
        assertThat(marts.count("select count(*) from twenty.fct_ensemble_bands"))
                .isEqualTo(3 * (levels + 1) * EnsembleMetric.values().length);
        assertThat(marts.count("select count(*) from twenty.fct_ensemble_bands where n_trials <> 20 or not is_sufficient"))
                .isZero();
        // The oracle: DuckDB's type-7 quantile and sample sd over the per-trial summary, all levels.
        String oracle = """
                with per_trial as (
                    select simulation_year, trial, sum(ending_headcount) as v from twenty.fct_workforce_summary group by all)
                select simulation_year, quantile_cont(v, 0.05) p5, quantile_cont(v, 0.5) p50, quantile_cont(v, 0.95) p95,
                       stddev_samp(v) sd, avg(v) mean, min(v) mn, max(v) mx
                from per_trial group by all""";
        assertThat(marts.count("select count(*) from (" + oracle + ") o join twenty.fct_ensemble_bands b using (simulation_year)"
                + " where b.metric = 'ending_headcount' and b.level_id is null and (abs(b.p5 - o.p5) > 1e-9 * abs(o.p5)"
                + " or abs(b.p50 - o.p50) > 1e-9 * abs(o.p50) or abs(b.p95 - o.p95) > 1e-9 * abs(o.p95)"
                + " or abs(b.sd - o.sd) > 1e-9 * o.sd or abs(b.mean - o.mean) > 1e-9 * o.mean or b.min <> o.mn"
                + " or b.max <> o.mx)")).isZero();
        // Money in dollars, per level: the same oracle on prorated cost.
        String money = """
                select simulation_year, level_id, quantile_cont(prorated_compensation_cost::double, 0.25) p25,
                       quantile_cont(prorated_compensation_cost::double, 0.9) p90
                from twenty.fct_workforce_summary group by all""";
        assertThat(marts.count("select count(*) from (" + money + ") o join twenty.fct_ensemble_bands b"
                + " using (simulation_year, level_id) where b.metric = 'prorated_compensation_cost'"
                + " and (abs(b.p25 - o.p25) > 1e-6 or abs(b.p90 - o.p90) > 1e-6)")).isZero();
        assertThat(marts.count("select count(*) from twenty.fct_ensemble_bands where metric = 'prorated_compensation_cost'"
                + " and level_id is not null")).isEqualTo(3 * levels);
    }

    @Test
    void tooFewTrialsLeaveThePercentilesNullNotZero() throws Exception {
        assertThat(marts.count("select count(*) from five.fct_ensemble_bands where is_sufficient or p50 is not null"
                + " or sd is not null or p5 is not null or p95 is not null")).isZero();
        assertThat(marts.count("select count(*) from five.fct_ensemble_bands where n_trials = 5 and min <= mean"
                + " and mean <= max")).isEqualTo(marts.count("select count(*) from five.fct_ensemble_bands"));
        assertThat(marts.count("select count(*) from one.fct_ensemble_bands where n_trials = 1 and min = max"))
                .isEqualTo(marts.count("select count(*) from one.fct_ensemble_bands"));
    }

    @Test
    void trialThreeDrawsWithTheSeedKeyOfModelSectionTwo() {
        assertThat(RandomDraws.seedKey(42, 3)).isEqualTo(5921224666878906483L);
        assertThat(Long.toUnsignedString(RandomDraws.draw(new RandomDraws(42, 3).employeeBase("EMP_000001"), 2025,
                io.planwise.model.draw.DrawStream.TERMINATION))).isEqualTo("8644933297318125429");
    }
}
