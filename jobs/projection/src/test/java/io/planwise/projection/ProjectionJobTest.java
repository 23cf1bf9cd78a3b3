package io.planwise.projection;

import io.planwise.testing.FlinkMiniCluster;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProjectionJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    @TempDir
    Path tmp;

    @Test
    void projectsSyntheticCensusAndPublishes() throws Exception {
        Path census = ProjectionRunner.syntheticCensus(tmp, 2_000, 7);
        ScenarioConfig config = ScenarioConfig.defaults().withYears(2025, 2027);
        ProjectionRun result = ProjectionRunner.run(census, config, tmp.resolve("wh"), 2);
        assertThat(result.manifest().marts()).containsKeys("fct_yearly_events", "fct_workforce_snapshot");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String files = result.manifest().filesOf("dq_checks", new io.planwise.warehouse.WarehouseLayout(tmp.resolve("wh")))
                    .stream().map(f -> "'" + f + "'").reduce((a, b) -> a + "," + b).orElseThrow();
            ResultSet rs = s.executeQuery("select count(*), count(*) filter (where passed) from read_parquet([" + files + "])");
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(5);
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
        }
    }
}
