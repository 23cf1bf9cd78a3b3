package io.planwise.projection;

import io.planwise.model.projection.SmallestRanks;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * One stage of a ranked selection: keeps the {@code limit} smallest candidates of its input. Run
 * per task it bounds what travels on; run once at parallelism 1 over those survivors ({@link
 * #cutoff}) it yields the cutoff fact that decides the selection everywhere.
 */
final class SelectSmallestRanks implements MapPartitionFunction<RankCandidate, RankCandidate> {
    @Override
    public void mapPartition(Iterable<RankCandidate> candidates, Collector<RankCandidate> out) {
        SmallestRanks kept = null;
        for (RankCandidate c : candidates) {
            if (kept == null) {
                kept = new SmallestRanks(c.limit());
            }
            kept.offer(c.key());
        }
        if (kept != null) {
            for (var key : kept.kept()) {
                out.collect(new RankCandidate(key, kept.limit()));
            }
        }
    }

    static MapPartitionFunction<RankCandidate, YearFact> cutoff(int year, boolean newHires) {
        return (candidates, out) -> {
            SmallestRanks kept = null;
            for (RankCandidate c : candidates) {
                if (kept == null) {
                    kept = new SmallestRanks(c.limit());
                }
                kept.offer(c.key());
            }
            if (kept != null && kept.cutoff() != null) {
                out.collect(newHires ? YearFact.newHireTerminationCutoff(year, kept.cutoff())
                        : YearFact.reductionInForceCutoff(year, kept.cutoff()));
            }
        };
    }
}
