package io.planwise.projection;

import io.planwise.testing.MartReader;
import io.planwise.testing.PlanwiseData;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MODEL.md section 5 on PlanWise's own inputs (../shared/planwise_data): its invariant fixture and
 * its 7,505-row census with its simulation_config.yaml, checked in SQL on the published marts.
 */
@Tag("planwise-data")
class InvariantsCompatibilityTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private Path data;

    @TempDir
    Path tmp;

    @BeforeEach
    void needsPlanwiseData() {
        data = PlanwiseData.require();
    }

    @Test
    void invariantFixtureKeepsEveryInvariant() throws Exception {
        Path census = data.resolve("fixtures/invariant_census.csv");
        ScenarioConfig config = ScenarioConfig.load(data.resolve("fixtures/invariant_config.yaml"));
        assertThat(config.scenarioId()).isEqualTo("invariant_reference");
        assertThat(config.censusAsOfDate()).isEqualTo(LocalDate.of(2024, 12, 31));

        Path warehouse = tmp.resolve("wh");
        ProjectionRun result = ProjectionRunner.run(census, config, warehouse, 2);
        try (MartReader m = MartReader.of(result.manifest(), warehouse)) {
            ModelInvariants.loadBaseline(m, census, config.censusAsOfDate());
            long rows = ModelInvariants.censusRows(m, census);
            assertThat(rows).as("data rows of invariant_census.csv").isEqualTo(Files.readAllLines(census).stream()
                    .skip(1).filter(l -> !l.isBlank()).count());
            long baseline = m.count("select count(*) from baseline");
            assertThat(baseline).isPositive();
            ModelInvariants.assertAll(m, config);
            ModelInvariants.assertCensusAccounting(m, result.runDir(), rows, baseline);
            assertThat(m.count("select count(*) from dq_census_issues where severity = 'reject'")).isZero();
        }
    }

    @Test
    void planwiseCensusWithItsSimulationConfig() throws Exception {
        Path census = data.resolve("census/census_preprocessed.parquet");
        ScenarioConfig config = ScenarioConfig.load(data.resolve("config/simulation_config.yaml"));
        assertThat(config.startYear()).isEqualTo(2025);
        assertThat(config.targetGrowthRate()).isEqualByComparingTo("0.03");

        Path warehouse = tmp.resolve("wh");
        ProjectionRun result = ProjectionRunner.run(census, config, warehouse, 2);
        try (MartReader m = MartReader.of(result.manifest(), warehouse)) {
            ModelInvariants.loadBaseline(m, census, config.censusAsOfDate());
            assertThat(ModelInvariants.censusRows(m, census)).isEqualTo(7_505);
            assertThat(m.count("select count(*) from baseline")).as("active employees on 2024-12-31 in the census")
                    .isEqualTo(6_764);

            // Year 1: exactly 6,764 at the start and round(6,764 x 1.03) = 6,967 at the end.
            long expectedEnd = new BigDecimal(6_764).multiply(new BigDecimal("1.03")).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            assertThat(expectedEnd).isEqualTo(6_967);
            assertThat(m.rows("select starting_workforce, target_ending_workforce, ending_workforce "
                    + "from fct_workforce_needs where simulation_year = 2025"))
                    .containsExactly(java.util.List.of(6_764L, 6_967L, 6_967L));
            assertThat(m.count("select count(*) from fct_workforce_snapshot where simulation_year = 2025 "
                    + "and employment_status = 'active'")).isEqualTo(6_967);

            ModelInvariants.assertAll(m, config);
            ModelInvariants.assertCensusAccounting(m, result.runDir(), 7_505, 6_764);
            // MODEL.md 1.1: PlanWise's census has 283 rows hired before the 14th birthday; kept, listed as warnings.
            assertThat(m.count("select count(*) from dq_census_issues where severity = 'warning' "
                    + "and reason = '" + io.planwise.model.census.CensusStaging.HIRED_BEFORE_AGE_14 + "'")).isEqualTo(283);
            assertThat(m.count("select count(*) from dq_census_issues where severity = 'reject'")).isZero();
        }
    }
}
