package io.planwise.sql;

import io.planwise.testing.MartReader;
import io.planwise.testing.PlanwiseData;
import io.planwise.testing.FlinkMiniCluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunManifest;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine parity on PlanWise's own inputs (../shared/planwise_data): its invariant fixture, its
 * 7,505-row Parquet census with its simulation_config.yaml (283 rows hired before age 14, listed as
 * warnings), and its negative-growth edge case.
 */
@Tag("planwise-data")
class PlanwiseDataParityCompatibilityTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(2);


    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void needsPlanwiseData() {
        data = PlanwiseData.require();
    }

    @Test
    void invariantFixture() throws Exception {
        SqlProjectionResult sql = assertSameOutput(data.resolve("fixtures/invariant_census.csv"),
                ScenarioConfig.load(data.resolve("fixtures/invariant_config.yaml")));
        assertThat(sql.manifest().marts().get("fct_workforce_snapshot").rowCount()).isPositive();
    }

    @Test
    void invariantFixtureAsAnEnsembleOfTwelveTrials() throws Exception {
        SqlProjectionResult sql = assertSameOutput(data.resolve("fixtures/invariant_census.csv"),
                ScenarioConfig.load(data.resolve("fixtures/invariant_config.yaml")).withTrials(12, 2));
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"), "SELECT count(DISTINCT trial) FROM fct_workforce_summary"))
                .isEqualTo(12);
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"), "SELECT count(*) FROM fct_ensemble_bands"
                + " WHERE n_trials <> 12 OR NOT is_sufficient")).isZero();
    }

    @Test
    void planwiseCensusWithItsSimulationConfig() throws Exception {
        SqlProjectionResult sql = assertSameOutput(data.resolve("census/census_preprocessed.parquet"),
                ScenarioConfig.load(data.resolve("config/simulation_config.yaml")));
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"),
                "SELECT count(*) FROM dq_census_issues WHERE severity = 'warning' AND reason = 'hired_before_age_14'"))
                .as("MODEL.md 1.1: rows of PlanWise's census hired before their 14th birthday").isEqualTo(283);
    }

    @Test
    void negativeTargetGrowthRate() throws Exception {
        SqlProjectionResult sql = assertSameOutput(data.resolve("fixtures/edge_config/negative_target_growth_rate.csv"),
                ScenarioConfig.load(data.resolve("fixtures/edge_config/negative_target_growth_rate.yaml")));
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"),
                "SELECT count(*) FROM fct_workforce_needs WHERE target_ending_workforce < starting_workforce"))
                .as("years whose target is below the start").isPositive();
    }

    private SqlProjectionResult assertSameOutput(Path census, ScenarioConfig config) throws Exception {
        RunManifest flink = FlinkProjection.run(census, config, tmp.resolve("flink"), 2);
        SqlProjectionResult sql = SqlEngine.run(census, config, tmp.resolve("sql"), 2);
        EngineParity.assertSameMarts(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        RunRecordParity.assertSameRecords(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        InvariantTestsAssert.allPassed(sql);
        return sql;
    }
}
