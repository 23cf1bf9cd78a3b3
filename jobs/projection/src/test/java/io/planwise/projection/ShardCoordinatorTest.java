package io.planwise.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.projection.Count;
import io.planwise.model.projection.RankKey;
import io.planwise.model.projection.ShardFact;
import io.planwise.model.projection.SmallestRanks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.groups.OperatorCoordinatorMetricGroup;
import org.apache.flink.runtime.checkpoint.CheckpointCoordinator;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.messages.Acknowledge;
import org.apache.flink.runtime.operators.coordination.CoordinatorStore;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's side of the shard agreement, driven the way the JobManager drives it: parts
 * arrive from subtask attempts, answers go to the attempts' gateways. The trial tasks' side runs in
 * every MiniCluster test of a detail trial at parallelism above 1 (DeterminismTest, EnsembleTest).
 */
class ShardCoordinatorTest {
    private final Map<String, List<FactChunk>> received = new HashMap<>();
    private final ShardCoordinator coordinator = new ShardCoordinator(context());

    private OperatorCoordinator.SubtaskGateway gateway(int subtask, int attempt) {
        return new OperatorCoordinator.SubtaskGateway() {
            @Override
            public CompletableFuture<Acknowledge> sendEvent(OperatorEvent event) {
                received.computeIfAbsent(subtask + "#" + attempt, k -> new ArrayList<>()).add((FactChunk) event);
                return CompletableFuture.completedFuture(Acknowledge.get());
            }

            @Override
            public ExecutionAttemptID getExecution() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int getSubtask() {
                return subtask;
            }
        };
    }

    private void give(int subtask, int attempt, FactKey key, int shards, ShardFact<?> part) {
        for (FactChunk chunk : FactChunk.of(key, subtask, shards, part)) {
            coordinator.handleEventFromOperator(subtask, attempt, chunk);
        }
    }

    /** The fact an attempt has been answered, or null. */
    private ShardFact<?> answer(int subtask, int attempt, FactKey key) {
        List<FactChunk> chunks = received.getOrDefault(subtask + "#" + attempt, List.of()).stream()
                .filter(c -> c.key().equals(key)).toList();
        if (chunks.isEmpty()) {
            return null;
        }
        FactChunk.Assembly assembly = new FactChunk.Assembly(chunks.get(0).count());
        byte[] whole = null;
        for (FactChunk c : chunks) {
            whole = assembly.add(c);
        }
        assertThat(whole).as("every chunk of %s reached attempt %d#%d", key, subtask, attempt).isNotNull();
        return FactChunk.read(whole, getClass().getClassLoader());
    }

    @Test
    void theMergeOfAllPartsGoesToEveryShardOnceTheLastPartIsIn() {
        for (int s = 0; s < 3; s++) {
            coordinator.executionAttemptReady(s, 0, gateway(s, 0));
        }
        FactKey key = new FactKey(0, "experienced terminations", 2026);
        give(0, 0, key, 3, new Count(5));
        give(2, 0, key, 3, new Count(7));
        assertThat(answer(0, 0, key)).as("no answer before every shard gave its part").isNull();
        give(1, 0, key, 3, new Count(11));
        for (int s = 0; s < 3; s++) {
            assertThat(answer(s, 0, key)).isEqualTo(new Count(23));
        }
        // The same fact of another year or trial is another agreement.
        FactKey nextYear = new FactKey(0, "experienced terminations", 2027);
        give(0, 0, nextYear, 3, new Count(1));
        assertThat(answer(0, 0, nextYear)).isNull();
    }

    @Test
    void aRestartedShardReplaysAgreedFactsAndReplacesItsPendingPart() {
        coordinator.executionAttemptReady(0, 0, gateway(0, 0));
        coordinator.executionAttemptReady(1, 0, gateway(1, 0));
        FactKey y1 = new FactKey(3, "experienced terminations", 2025);
        FactKey y2 = new FactKey(3, "experienced terminations", 2026);
        give(0, 0, y1, 2, new Count(2));
        give(1, 0, y1, 2, new Count(3));
        give(0, 0, y2, 2, new Count(10));
        give(1, 0, y2, 2, new Count(99));
        assertThat(answer(0, 0, y2)).isEqualTo(new Count(109));
        // Subtask 1 fails after both years were agreed, and its restart replays the trial.
        coordinator.executionAttemptFailed(1, 0, new RuntimeException("task manager lost"));
        received.clear();

        coordinator.executionAttemptReady(1, 1, gateway(1, 1));
        give(1, 1, y1, 2, new Count(3));
        assertThat(answer(1, 1, y1)).as("an agreed fact is answered at once").isEqualTo(new Count(5));
        give(1, 1, y2, 2, new Count(99));
        assertThat(answer(1, 1, y2)).isEqualTo(new Count(109));
        assertThat(received).as("only the one that asked is answered").containsOnlyKeys("1#1");
    }

    @Test
    void aPendingPartOfAFailedAttemptIsReplacedBeforeTheFactIsAgreed() {
        coordinator.executionAttemptReady(0, 0, gateway(0, 0));
        coordinator.executionAttemptReady(1, 0, gateway(1, 0));
        coordinator.executionAttemptReady(2, 0, gateway(2, 0));
        FactKey key = new FactKey(0, "experienced terminations", 2025);
        give(1, 0, key, 3, new Count(4));
        coordinator.executionAttemptFailed(1, 0, new RuntimeException("killed"));
        coordinator.executionAttemptReady(1, 1, gateway(1, 1));
        give(1, 1, key, 3, new Count(4));
        give(0, 0, key, 3, new Count(1));
        give(2, 0, key, 3, new Count(2));
        assertThat(answer(1, 1, key)).isEqualTo(new Count(7));
        assertThat(answer(0, 0, key)).isEqualTo(new Count(7));
        assertThat(received).doesNotContainKey("1#0");
    }

    @Test
    void aLayoffsCandidatesTravelInChunksAndOnlyTheCutoffComesBack() {
        coordinator.executionAttemptReady(0, 0, gateway(0, 0));
        coordinator.executionAttemptReady(1, 0, gateway(1, 0));
        FactKey key = new FactKey(0, "reduction in force", 2025);
        int layoffs = 150_000;
        SmallestRanks[] parts = {new SmallestRanks(layoffs), new SmallestRanks(layoffs)};
        for (int i = 0; i < 2 * layoffs; i++) {
            parts[i % 2].offer(new RankKey(i * 7919L % 1_000_003L, "EMP_" + String.format("%07d", i)));
        }
        assertThat(FactChunk.of(key, 0, 2, parts[0])).as("a part bigger than one chunk").hasSizeGreaterThan(3);
        give(0, 0, key, 2, parts[0]);
        give(1, 0, key, 2, parts[1]);
        SmallestRanks agreed = (SmallestRanks) answer(1, 0, key);
        SmallestRanks alone = new SmallestRanks(layoffs);
        for (int i = 0; i < 2 * layoffs; i++) {
            alone.offer(new RankKey(i * 7919L % 1_000_003L, "EMP_" + String.format("%07d", i)));
        }
        assertThat(agreed.cutoff()).isEqualTo(alone.cutoff());
        assertThat(received.get("0#0").stream().filter(c -> c.key().equals(key)).toList())
                .as("only the cutoff goes back").hasSize(1);
    }

    private static OperatorCoordinator.Context context() {
        return new OperatorCoordinator.Context() {
            @Override
            public JobID getJobID() {
                return new JobID();
            }

            @Override
            public OperatorID getOperatorId() {
                return new OperatorID();
            }

            @Override
            public OperatorCoordinatorMetricGroup metricGroup() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void failJob(Throwable cause) {
                throw new AssertionError("the coordinator failed the job", cause);
            }

            @Override
            public int currentParallelism() {
                return 3;
            }

            @Override
            public ClassLoader getUserCodeClassloader() {
                return ShardCoordinatorTest.class.getClassLoader();
            }

            @Override
            public CoordinatorStore getCoordinatorStore() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isConcurrentExecutionAttemptsSupported() {
                return false;
            }

            @Override
            public CheckpointCoordinator getCheckpointCoordinator() {
                return null;
            }
        };
    }
}
