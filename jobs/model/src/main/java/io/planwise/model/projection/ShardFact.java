package io.planwise.model.projection;

import java.io.Serializable;

/**
 * One shard's part of a whole-workforce fact (a population tally, a count, the smallest ranks, a
 * ledger): parts merge into the fact of the whole trial. Every merge here is exact and order-free
 * (integer sums, a k-smallest selection of unique keys), so the agreed fact is the same however the
 * employees were split, and the same as one task computing it alone.
 */
public interface ShardFact<F extends ShardFact<F>> extends Serializable {
    /** This part and another one, merged; neither is changed. */
    F merge(F other);

    /** What every shard reads back of the agreed fact, and all that is sent back: all of it, unless a fact says less. */
    @SuppressWarnings("unchecked")
    default F agreed() {
        return (F) this;
    }
}
