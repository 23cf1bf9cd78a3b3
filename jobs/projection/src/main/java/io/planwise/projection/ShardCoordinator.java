package io.planwise.projection;

import io.planwise.model.projection.ShardAgreement;
import io.planwise.model.projection.ShardFact;
import io.planwise.model.projection.TrialShard;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/**
 * Where the shards of a split trial agree on its whole-workforce facts, on the JobManager, beside
 * the trial tasks ({@link ProjectTrials}): the {@link ShardAgreement} of the model, over Flink's
 * operator-event channel.
 *
 * <p><b>Protocol.</b> A shard of trial t ({@link TrialShard} s of P, run by subtask s) sends its part
 * of a fact — population, experienced terminations, reduction-in-force candidates, the ledger — as
 * {@link FactChunk}s named by {@link FactKey} (trial, fact, year), and waits. When all P parts of a
 * key are in, they are merged in shard order (every merge is exact, so the order only makes the
 * bytes reproducible) and what the shards read of it ({@link ShardFact#agreed()}: a layoff's cutoff,
 * not its candidates) goes back to every shard that sent a part. A year costs two round trips
 * (three in a shrinking year, whose candidates may take several chunks on the way in), instead of the barriers and
 * the shuffled workforce of a distributed year; the shards' employees never leave their tasks.
 *
 * <p><b>Lifecycle.</b> The coordinator lives as long as the job attempt. Pending parts wait for the
 * missing shards; agreed facts are kept (serialized, a few kilobytes per trial and year) so that a
 * part that arrives after its fact was agreed is answered at once.
 *
 * <p><b>Failure.</b> Where the cluster's restart strategy restarts a failed task (the embedded run
 * does not restart), a bounded job restarts it alone, from its blocking inputs, so a shard may
 * replay its trial while the others wait at a later year: the replayed shard's parts of facts
 * already agreed are answered from the kept facts (its parts are the same, by determinism), and its
 * part of the pending fact replaces the failed attempt's. A failed attempt's half-received chunks
 * are dropped and nothing is sent to it again. A global failover recreates the coordinator, empty,
 * with every task. A shard whose peers never report (a split trial needs all its P tasks running at
 * once) gives up after a bounded wait in the task, which fails the job with a line that says so.
 */
final class ShardCoordinator implements OperatorCoordinator {
    private final Context context;
    private final Map<Long, SubtaskGateway> gateways = new HashMap<>();
    private final Map<PartKey, FactChunk.Assembly> arriving = new HashMap<>();
    private final Map<FactKey, Pending> pending = new HashMap<>();
    /** Each agreed fact, cut into the chunks every shard is sent. */
    private final Map<FactKey, List<FactChunk>> agreed = new HashMap<>();

    ShardCoordinator(Context context) {
        this.context = context;
    }

    /** The parts of one fact given so far, and the attempts waiting for it. */
    private static final class Pending {
        final ShardFact<?>[] parts;
        final Set<Long> waiting = new LinkedHashSet<>();

        Pending(int shards) {
            parts = new ShardFact<?>[shards];
        }

        boolean complete() {
            for (ShardFact<?> part : parts) {
                if (part == null) {
                    return false;
                }
            }
            return true;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        ShardFact<?> merged() {
            ShardFact merged = parts[0];
            for (int s = 1; s < parts.length; s++) {
                merged = (ShardFact) merged.merge(parts[s]);
            }
            return merged;
        }
    }

    private record PartKey(FactKey fact, long attempt) {}

    private static long attempt(int subtask, int attemptNumber) {
        return ((long) subtask << 32) | (attemptNumber & 0xffffffffL);
    }

    @Override
    public void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {
        FactChunk chunk = (FactChunk) event;
        long from = attempt(subtask, attemptNumber);
        PartKey partKey = new PartKey(chunk.key(), from);
        byte[] part = arriving.computeIfAbsent(partKey, k -> new FactChunk.Assembly(chunk.count())).add(chunk);
        if (part == null) {
            return;
        }
        arriving.remove(partKey);
        List<FactChunk> known = agreed.get(chunk.key());
        if (known != null) {
            send(from, known);
            return;
        }
        Pending facts = pending.computeIfAbsent(chunk.key(), k -> new Pending(chunk.shards()));
        facts.parts[chunk.shard()] = FactChunk.read(part, context.getUserCodeClassloader());
        facts.waiting.add(from);
        if (!facts.complete()) {
            return;
        }
        List<FactChunk> merged = FactChunk.of(chunk.key(), -1, 0, facts.merged().agreed());
        pending.remove(chunk.key());
        agreed.put(chunk.key(), merged);
        for (long waiting : facts.waiting) {
            send(waiting, merged);
        }
    }

    private void send(long attempt, List<FactChunk> fact) {
        SubtaskGateway gateway = gateways.get(attempt);
        if (gateway == null) {
            return; // that attempt failed; its restart asks again and is answered from the agreed facts
        }
        fact.forEach(gateway::sendEvent);
    }

    @Override
    public void executionAttemptReady(int subtask, int attemptNumber, SubtaskGateway gateway) {
        gateways.put(attempt(subtask, attemptNumber), gateway);
    }

    @Override
    public void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
        long failed = attempt(subtask, attemptNumber);
        gateways.remove(failed);
        arriving.keySet().removeIf(k -> k.attempt() == failed);
        pending.values().forEach(p -> p.waiting.remove(failed));
    }

    @Override
    public void subtaskReset(int subtask, long checkpointId) {
        // Nothing to undo: the facts are the same whichever attempt gives them.
    }

    @Override
    public void start() {
    }

    @Override
    public void close() {
        gateways.clear();
        arriving.clear();
        pending.clear();
        agreed.clear();
    }

    @Override
    public void checkpointCoordinator(long checkpointId, CompletableFuture<byte[]> result) {
        result.complete(new byte[0]); // a bounded job takes no checkpoints; nothing here outlives the job
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) {
        close();
    }

    /** Makes the coordinator on the JobManager. */
    static final class Provider implements OperatorCoordinator.Provider {
        private static final long serialVersionUID = 1L;
        private final OperatorID operator;

        Provider(OperatorID operator) {
            this.operator = operator;
        }

        @Override
        public OperatorID getOperatorId() {
            return operator;
        }

        @Override
        public OperatorCoordinator create(Context context) {
            return new ShardCoordinator(context);
        }
    }
}
