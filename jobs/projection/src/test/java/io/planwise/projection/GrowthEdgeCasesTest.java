package io.planwise.projection;

import io.planwise.testing.MartReader;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero and negative target growth on a synthetic census: the ending headcount is round(N x (1 + g))
 * every year; a shrinking workforce lays off exactly survivors - target and hires nobody.
 */
class GrowthEdgeCasesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "g = {0}")
    @ValueSource(strings = {"0.0", "-0.3", "-0.5"})
    void endingHeadcountIsExactlyTheTarget(String growth) throws Exception {
        Path census = ProjectionRunner.syntheticCensus(tmp, 1_000, 11);
        ScenarioConfig config = ScenarioConfig.parse("""
                scenario_id: synthetic_growth
                simulation:
                  start_year: 2025
                  end_year: 2027
                  random_seed: 2024
                  target_growth_rate: %s
                """.formatted(growth), "growth.yaml");
        BigDecimal g = new BigDecimal(growth);
        assertThat(config.targetGrowthRate()).isEqualByComparingTo(g);

        Path warehouse = tmp.resolve("wh");
        ProjectionRun result = ProjectionRunner.run(census, config, warehouse, 2);
        try (MartReader m = MartReader.of(result.manifest(), warehouse)) {
            ModelInvariants.loadBaseline(m, census, config.censusAsOfDate());
            ModelInvariants.assertAll(m, config);
            List<ModelInvariants.YearFlow> flows = ModelInvariants.flows(m, config);
            long n = m.count("select count(*) from baseline");
            assertThat(n).isGreaterThan(900);
            for (ModelInvariants.YearFlow f : flows) {
                long target = new BigDecimal(n).multiply(BigDecimal.ONE.add(g)).setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
                assertThat(f.start()).as("%d start", f.year()).isEqualTo(n);
                assertThat(f.ending()).as("%d ending = round(%d x (1 + %s))", f.year(), n, g).isEqualTo(target);
                if (g.signum() < 0) {
                    // About 12% leave on their own, far less than the 30% or 50% cut: the rest is a RIF.
                    assertThat(f.survivors()).isGreaterThan(target);
                    assertThat(f.reductionInForce()).as("%d RIF = survivors %d - target %d", f.year(), f.survivors(),
                            target).isEqualTo(f.survivors() - target).isPositive();
                    assertThat(f.hires()).as("%d hires", f.year()).isZero();
                    assertThat(f.newHireTerminations()).as("%d new-hire terminations", f.year()).isZero();
                    assertThat(m.count("select count(*) from fct_yearly_events where event_type = 'hire' "
                            + "and simulation_year = " + f.year())).isZero();
                } else {
                    assertThat(f.ending()).isEqualTo(f.start());
                    assertThat(f.reductionInForce()).as("%d RIF", f.year()).isZero();
                    assertThat(f.hires()).as("%d hires", f.year()).isPositive();
                }
                n = f.ending();
            }
            // The RIF takes survivors only: nobody is both an experienced termination and laid off.
            assertThat(m.count("select count(*) from (select employee_id, simulation_year from fct_yearly_events "
                    + "where event_type = 'termination' group by all having count(*) > 1)")).isZero();
            assertThat(m.count("select count(*) from fct_workforce_snapshot s join fct_yearly_events e "
                    + "using (employee_id, simulation_year) where e.event_category = 'reduction_in_force' "
                    + "and (s.employment_status <> 'terminated' or s.termination_reason is null)")).isZero();
        }
    }
}
