package io.planwise.projection;

import io.planwise.model.projection.NewHires;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.SmallestRanks;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/** Per task, the hires with the smallest draw(9) among its slot ranges: only ids and draws, no records. */
final class RankNewHireTerminations implements MapPartitionFunction<HireSlots, RankCandidate> {
    private final ProjectionParameters p;

    RankNewHireTerminations(ProjectionParameters p) {
        this.p = p;
    }

    @Override
    public void mapPartition(Iterable<HireSlots> ranges, Collector<RankCandidate> out) {
        SmallestRanks kept = null;
        for (HireSlots r : ranges) {
            if (kept == null) {
                kept = new SmallestRanks(r.terminationLimit());
            }
            for (long slot = r.first(); slot <= r.last(); slot++) {
                kept.offer(NewHires.terminationRank(p, r.year(), slot));
            }
        }
        if (kept != null) {
            for (var key : kept.kept()) {
                out.collect(new RankCandidate(key, kept.limit()));
            }
        }
    }
}
