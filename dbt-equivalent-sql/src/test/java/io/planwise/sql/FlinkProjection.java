package io.planwise.sql;

import io.planwise.connector.file.RowFileSources;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusRow;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.census.CensusRowDecoder;
import io.planwise.projection.ProjectionJob;
import io.planwise.projection.ProjectionSettings;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the Flink projection job on the test class's MiniCluster, as {@code planwise project} does. */
final class FlinkProjection {
    private FlinkProjection() {}

    static RunManifest run(Path census, ScenarioConfig config, Path warehouse, int parallelism) throws Exception {
        Path file = census.toAbsolutePath().normalize();
        ProjectionSettings settings = new ProjectionSettings(config, Assumptions.bundledDefaults(),
                new WarehouseLayout(warehouse), RunIds.next(Clock.systemUTC()), file.toString(), false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return new ProjectionJob(settings, RowFileSources.forFile(new org.apache.flink.core.fs.Path(file.toUri()),
                new CensusRowDecoder(), TypeInformation.of(CensusRow.class))).execute(env).manifest();
    }
}
