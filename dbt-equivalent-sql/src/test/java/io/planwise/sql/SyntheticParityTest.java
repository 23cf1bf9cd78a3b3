package io.planwise.sql;

import io.planwise.testing.MartReader;
import io.planwise.testing.FlinkMiniCluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.census.SyntheticCensus;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunManifest;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL engine and the Flink job write the same marts, row for row and value for value, and the
 * same run record, for synthetic censuses: 20,000 employees over ten years, a shrinking workforce
 * (g = -0.1 with only 4% leaving on their own) that forces a reduction in force every year, and an
 * ensemble of 12 trials over 5,000 employees, of which 3 write events and snapshots (bands, every trial's needs, summary and
 * checks, the ensemble checks).
 */
class SyntheticParityTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(2);

    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    @TempDir
    Path tmp;

    @Test
    void twentyThousandEmployeesOverTenYears() throws Exception {
        Path census = syntheticCensus(20_000, 20_250);
        ScenarioConfig config = ScenarioConfig.defaults().withScenarioId("synthetic_20k").withYears(2025, 2034);

        RunManifest flink = FlinkProjection.run(census, config, tmp.resolve("flink"), 2);
        SqlProjectionResult sql = SqlEngine.run(census, config, tmp.resolve("sql"), 2);

        EngineParity.assertSameMarts(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        RunRecordParity.assertSameRecords(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        InvariantTestsAssert.allPassed(sql);
        assertThat(sql.manifest().marts().get("fct_workforce_needs").rowCount()).as("one needs row per year").isEqualTo(10);
    }

    @Test
    void shrinkingWorkforceForcesReductionsInForce() throws Exception {
        Path census = syntheticCensus(5_000, 7);
        ScenarioConfig config = ScenarioConfig.parse("""
                scenario_id: shrinking
                simulation:
                  start_year: 2025
                  end_year: 2029
                  target_growth_rate: -0.1
                workforce:
                  total_termination_rate: 0.04
                """, "shrinking.yaml");

        RunManifest flink = FlinkProjection.run(census, config, tmp.resolve("flink"), 2);
        SqlProjectionResult sql = SqlEngine.run(census, config, tmp.resolve("sql"), 2);

        EngineParity.assertSameMarts(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        RunRecordParity.assertSameRecords(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        InvariantTestsAssert.allPassed(sql);
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"), "SELECT count(DISTINCT simulation_year) "
                + "FROM fct_yearly_events WHERE event_category = 'reduction_in_force'")).as("years with layoffs").isEqualTo(5);
    }

    @Test
    void anEnsembleOfTwelveTrialsWithThreeDetailTrials() throws Exception {
        Path census = syntheticCensus(5_000, 31);
        ScenarioConfig config = ScenarioConfig.defaults().withScenarioId("ensemble").withYears(2025, 2027)
                .withTrials(12, 3);

        RunManifest flink = FlinkProjection.run(census, config, tmp.resolve("flink"), 2);
        SqlProjectionResult sql = SqlEngine.run(census, config, tmp.resolve("sql"), 2);

        EngineParity.assertSameMarts(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        RunRecordParity.assertSameRecords(flink, tmp.resolve("flink"), sql.manifest(), tmp.resolve("sql"));
        InvariantTestsAssert.allPassed(sql);
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"), "SELECT count(DISTINCT trial) FROM fct_workforce_summary"))
                .as("trials").isEqualTo(12);
        assertThat(MartReader.count(sql.manifest(), tmp.resolve("sql"), "SELECT count(DISTINCT trial) FROM fct_yearly_events"))
                .as("detail trials").isEqualTo(3);
    }

    private Path syntheticCensus(long employees, long seed) throws Exception {
        Path file = tmp.resolve("census_" + employees + "_" + seed + ".csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            new SyntheticCensus(seed, AS_OF).writeCsv(employees, w);
        }
        return file;
    }
}
