package io.planwise.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.connector.file.RowFileSources;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusRowDecoder;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the job's graph, built without running it: no stage sorts its input or asks for
 * managed memory (in BATCH mode such a task allocates its whole share of the slot's managed memory
 * at start, 0.3–0.9 s a stage on a cluster), for a single projection and for an ensemble.
 */
class JobGraphTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {1, 20})
    void noStageSortsOrAsksForManagedMemory(int trials) {
        ScenarioConfig config = ScenarioConfig.defaults().withYears(2025, 2027).withTrials(trials, 1);
        ProjectionSettings settings = new ProjectionSettings(config, Assumptions.bundledDefaults(),
                new WarehouseLayout(tmp), ProjectionRunner.nextRunId(), "census.csv", false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        new ProjectionJob(settings, RowFileSources.forFile(new org.apache.flink.core.fs.Path(tmp.resolve("census.csv").toUri()),
                new CensusRowDecoder(), TypeInformation.of(CensusRow.class))).build(env, Instant.now());

        List<StreamNode> nodes = List.copyOf(env.getStreamGraph().getStreamNodes());
        assertThat(nodes).extracting(StreamNode::getOperatorName)
                .contains("bands · percentiles over the trials", "census · accounting and gate",
                        "evaluate run: checks of every trial and of the bands");
        for (StreamNode node : nodes) {
            assertThat(node.getManagedMemoryOperatorScopeUseCaseWeights()).as(node.getOperatorName()).isEmpty();
            assertThat(node.getManagedMemorySlotScopeUseCases()).as(node.getOperatorName()).isEmpty();
            assertThat(node.getInputRequirements()).as(node.getOperatorName()).isEmpty();
        }
    }
}
