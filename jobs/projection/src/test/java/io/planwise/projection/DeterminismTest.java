package io.planwise.projection;

import io.planwise.testing.MartReader;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MODEL.md invariant 6: the same census, config and seed give identical marts, row for row, whatever
 * the parallelism and however often the job runs; another seed gives other events.
 */
class DeterminismTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private static final ScenarioConfig CONFIG = ScenarioConfig.defaults().withYears(2025, 2027);

    @TempDir
    static Path tmp;

    static Path census;

    @BeforeAll
    static void census() throws Exception {
        census = ProjectionRunner.syntheticCensus(tmp, 3_000, 20_250);
    }

    @Test
    void martsAreIdenticalAtEveryParallelismAndRerun() throws Exception {
        try (MartReader m = new MartReader()) {
            attach(m, "p2a", ProjectionRunner.run(census, CONFIG, tmp.resolve("p2a"), 2), tmp.resolve("p2a"));
            attach(m, "p2b", ProjectionRunner.run(census, CONFIG, tmp.resolve("p2b"), 2), tmp.resolve("p2b"));
            attach(m, "p1", ProjectionRunner.run(census, CONFIG, tmp.resolve("p1"), 1), tmp.resolve("p1"));
            attach(m, "p4", ProjectionRunner.run(census, CONFIG, tmp.resolve("p4"), 4), tmp.resolve("p4"));

            assertThat(m.count("select count(*) from p2a.fct_yearly_events")).isGreaterThan(3_000);
            assertThat(m.count("select count(*) from p2a.dq_checks")).isPositive();
            for (String other : new String[] {"p2b", "p1", "p4"}) {
                for (String mart : MartReader.ALL) {
                    long rows = m.count("select count(*) from p2a." + mart);
                    assertThat(m.count("select count(*) from " + other + "." + mart))
                            .as("%s rows at %s vs p2a", mart, other).isEqualTo(rows);
                    assertThat(m.count("select count(*) from (select * from p2a." + mart + " except all select * from "
                            + other + "." + mart + ")")).as("%s rows of p2a missing from %s", mart, other).isZero();
                    assertThat(m.count("select count(*) from (select * from " + other + "." + mart
                            + " except all select * from p2a." + mart + ")")).as("%s rows of %s not in p2a", mart, other)
                            .isZero();
                }
            }
        }
    }

    @Test
    void anotherSeedGivesOtherEvents() throws Exception {
        try (MartReader m = new MartReader()) {
            attach(m, "s42", ProjectionRunner.run(census, CONFIG, tmp.resolve("s42"), 2), tmp.resolve("s42"));
            attach(m, "s43", ProjectionRunner.run(census, CONFIG.withSeed(43), tmp.resolve("s43"), 2), tmp.resolve("s43"));
            // Same baseline, same targets ...
            String needs = "select simulation_year, starting_workforce, target_ending_workforce from %s.fct_workforce_needs"
                    + " order by 1";
            assertThat(m.rows(needs.formatted("s43"))).hasSize(3).isEqualTo(m.rows(needs.formatted("s42")));
            // ... but other people leave, are promoted and are hired on other dates.
            String events = "select employee_id, event_type, event_category, effective_date, compensation_amount from ";
            long total = m.count("select count(*) from s42.fct_yearly_events");
            long onlyIn42 = m.count("select count(*) from (" + events + "s42.fct_yearly_events except all "
                    + events + "s43.fct_yearly_events)");
            assertThat(onlyIn42).as("events of seed 42 that seed 43 does not have, of " + total).isGreaterThan(total / 10);
            String leavers = "select employee_id from %s.fct_yearly_events where event_category = 'experienced_termination' "
                    + "and simulation_year = 2025";
            assertThat(m.strings(leavers.formatted("s42") + " order by 1"))
                    .isNotEqualTo(m.strings(leavers.formatted("s43") + " order by 1"));
        }
    }

    private static void attach(MartReader m, String schema, ProjectionRun result, Path warehouse) throws Exception {
        m.attach(schema, result.manifest(), new WarehouseLayout(warehouse));
        assertThat(result.manifest().marts().keySet()).containsAll(MartReader.ALL);
    }
}
