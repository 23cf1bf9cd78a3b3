package io.planwise.projection;

import io.planwise.model.projection.NewHires;
import io.planwise.model.projection.ProjectionParameters;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Per task, the hires with the smallest draw(9) among its slot ranges: only ids and draws, no records. */
final class RankNewHireTerminations implements AggregateFunction<HireSlots, SelectSmallestRanks.Kept, RankBatch> {
    private final ProjectionParameters p;

    RankNewHireTerminations(ProjectionParameters p) {
        this.p = p;
    }

    @Override
    public SelectSmallestRanks.Kept createAccumulator() {
        return new SelectSmallestRanks.Kept();
    }

    @Override
    public SelectSmallestRanks.Kept add(HireSlots r, SelectSmallestRanks.Kept kept) {
        for (long slot = r.first(); slot <= r.last(); slot++) {
            kept.offer(NewHires.terminationRank(p, r.year(), slot), r.terminationLimit());
        }
        return kept;
    }

    @Override
    public RankBatch getResult(SelectSmallestRanks.Kept kept) {
        return kept.batch();
    }

    @Override
    public SelectSmallestRanks.Kept merge(SelectSmallestRanks.Kept a, SelectSmallestRanks.Kept b) {
        return a.merge(b);
    }
}
