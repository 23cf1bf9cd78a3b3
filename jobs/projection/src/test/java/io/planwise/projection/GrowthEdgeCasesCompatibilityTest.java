package io.planwise.projection;

import io.planwise.testing.MartReader;
import io.planwise.testing.PlanwiseData;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** PlanWise's zero and negative target growth fixtures: the ending headcount is round(N x (1 + g)), exactly. */
@Tag("planwise-data")
class GrowthEdgeCasesCompatibilityTest {
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
    void zeroGrowthKeepsHeadcountFlat() throws Exception {
        List<ModelInvariants.YearFlow> flows = project("zero_target_growth_rate", "0");
        // 100 employees, g = 0, nh = 0: every experienced termination is replaced by exactly one hire.
        for (ModelInvariants.YearFlow f : flows) {
            assertThat(f.ending()).as("%d ending", f.year()).isEqualTo(100);
            assertThat(f.hires()).as("%d hires", f.year()).isEqualTo(f.experiencedTerminations());
            assertThat(f.newHireTerminations() + f.reductionInForce()).as("%d NHT + RIF", f.year()).isZero();
        }
        assertThat(flows.get(0).experiencedTerminations()).as("some experienced terminations to replace").isPositive();
    }

    @Test
    void negativeGrowthShrinksExactly() throws Exception {
        List<ModelInvariants.YearFlow> flows = project("negative_target_growth_rate", "-0.05");
        // 100 -> round(95.0) = 95 -> round(90.25) = 90.
        assertThat(flows.stream().map(ModelInvariants.YearFlow::ending)).containsExactly(95L, 90L);
        for (ModelInvariants.YearFlow f : flows) {
            long target = f.ending();
            if (f.survivors() > target) {
                assertThat(f.reductionInForce()).as("%d RIF = survivors %d - target %d", f.year(), f.survivors(), target)
                        .isEqualTo(f.survivors() - target);
                assertThat(f.hires()).as("%d hires while shrinking", f.year()).isZero();
            } else {
                // Natural attrition alone went below the target: nh = 0, so hires fill the gap exactly.
                assertThat(f.reductionInForce()).as("%d RIF", f.year()).isZero();
                assertThat(f.hires()).as("%d hires = target - survivors", f.year()).isEqualTo(target - f.survivors());
            }
        }
    }

    private List<ModelInvariants.YearFlow> project(String fixture, String growth) throws Exception {
        Path census = data.resolve("fixtures/edge_config/" + fixture + ".csv");
        ScenarioConfig config = ScenarioConfig.load(data.resolve("fixtures/edge_config/" + fixture + ".yaml"));
        assertThat(config.targetGrowthRate()).isEqualByComparingTo(new BigDecimal(growth));
        Path warehouse = tmp.resolve("wh");
        ProjectionRun result = ProjectionRunner.run(census, config, warehouse, 2);
        try (MartReader m = MartReader.of(result.manifest(), warehouse)) {
            ModelInvariants.loadBaseline(m, census, config.censusAsOfDate());
            assertThat(m.count("select count(*) from baseline")).isEqualTo(100);
            ModelInvariants.assertAll(m, config);
            ModelInvariants.assertCensusAccounting(m, result.runDir(), 100, 100);
            List<ModelInvariants.YearFlow> flows = ModelInvariants.flows(m, config);
            return flows;
        }
    }
}
