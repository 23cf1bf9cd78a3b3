package io.planwise.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The one MiniCluster setup of the test suite: one per test class, shared by its tests (register it
 * with {@code @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);}).
 * One task manager with enough slots for the parallelisms the class runs at; Flink's own extension
 * makes {@code StreamExecutionEnvironment.getExecutionEnvironment()} submit to it.
 */
public final class FlinkMiniCluster {
    private FlinkMiniCluster() {}

    public static MiniClusterExtension withSlots(int slots) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(slots).build());
    }
}
