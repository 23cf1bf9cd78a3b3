package io.planwise.model.projection;

import java.io.Serializable;
import java.util.PriorityQueue;

/**
 * The k smallest {@link RankKey}s seen, in O(k) memory; the largest of them is the cutoff: a
 * candidate is selected iff its key is at most the cutoff. Keys are unique (employee ids are), so
 * exactly k are selected.
 */
public final class SmallestRanks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final PriorityQueue<RankKey> largestFirst = new PriorityQueue<>((a, b) -> b.compareTo(a));

    public SmallestRanks(long limit) {
        this.limit = limit;
    }

    public void offer(RankKey key) {
        if (largestFirst.size() < limit) {
            largestFirst.add(key);
        } else if (limit > 0 && key.compareTo(largestFirst.peek()) < 0) {
            largestFirst.poll();
            largestFirst.add(key);
        }
    }

    /** The selection cutoff, or null when nothing is to be selected. */
    public RankKey cutoff() {
        return limit == 0 ? null : largestFirst.peek();
    }

    public static boolean selected(RankKey key, RankKey cutoff) {
        return cutoff != null && key.compareTo(cutoff) <= 0;
    }
}
