package io.planwise.projection;

import io.planwise.model.projection.RankKey;
import io.planwise.model.projection.SmallestRanks;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.MapPartitionFunction;

/**
 * The two stages of a ranked selection. Per task ({@link #perTask}) it keeps only the {@code limit}
 * smallest candidates, so at most k (key, id) pairs per task travel on; once, at parallelism 1
 * ({@link #cutoff}), it merges those batches into the cutoff fact that decides the selection
 * everywhere. Nothing is emitted when nothing is to be selected.
 */
final class SelectSmallestRanks {
    private SelectSmallestRanks() {}

    static AggregateFunction<RankCandidate, Kept, RankBatch> perTask() {
        return new PerTask();
    }

    static MapPartitionFunction<RankBatch, YearFact> cutoff(int year, boolean newHires) {
        return (batches, out) -> {
            SmallestRanks kept = null;
            for (RankBatch b : batches) {
                if (kept == null) {
                    kept = new SmallestRanks(b.limit());
                }
                b.keys().forEach(kept::offer);
            }
            RankKey cutoff = kept == null ? null : kept.cutoff();
            if (cutoff != null) {
                out.collect(newHires ? YearFact.newHireTerminationCutoff(year, cutoff)
                        : YearFact.reductionInForceCutoff(year, cutoff));
            }
        };
    }

    /**
     * A per-task accumulator that learns its limit from the first candidate: the limit is a fact of
     * the year, carried by every candidate, not known when the operator starts.
     */
    static final class Kept {
        private SmallestRanks ranks;

        void offer(RankKey key, long limit) {
            if (ranks == null) {
                ranks = new SmallestRanks(limit);
            }
            ranks.offer(key);
        }

        RankBatch batch() {
            return ranks == null ? new RankBatch(java.util.List.of(), 0) : new RankBatch(ranks.kept(), ranks.limit());
        }

        Kept merge(Kept other) {
            if (other.ranks != null) {
                other.ranks.kept().forEach(k -> offer(k, other.ranks.limit()));
            }
            return this;
        }
    }

    private static final class PerTask implements AggregateFunction<RankCandidate, Kept, RankBatch> {
        @Override
        public Kept createAccumulator() {
            return new Kept();
        }

        @Override
        public Kept add(RankCandidate c, Kept kept) {
            kept.offer(c.key(), c.limit());
            return kept;
        }

        @Override
        public RankBatch getResult(Kept kept) {
            return kept.batch();
        }

        @Override
        public Kept merge(Kept a, Kept b) {
            return a.merge(b);
        }
    }
}
