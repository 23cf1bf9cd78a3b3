package io.planwise.model.projection;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The k smallest {@link RankKey}s seen, in O(k) memory; the largest of them is the cutoff: a
 * candidate is selected iff its key is at most the cutoff. Keys are unique (employee ids are), so
 * exactly k are selected. Mergeable, so the shards of a trial agree on one cutoff.
 */
public final class SmallestRanks implements ShardFact<SmallestRanks> {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final PriorityQueue<RankKey> largestFirst = new PriorityQueue<>(Comparator.reverseOrder());

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

    /** The k smallest of both: each shard's k smallest hold the k smallest of the whole trial. */
    @Override
    public SmallestRanks merge(SmallestRanks other) {
        SmallestRanks merged = new SmallestRanks(limit);
        largestFirst.forEach(merged::offer);
        other.largestFirst.forEach(merged::offer);
        return merged;
    }

    /** Only the cutoff: the shards need nothing else back (a big layoff's k keys are megabytes). */
    @Override
    public SmallestRanks agreed() {
        SmallestRanks cutoffOnly = new SmallestRanks(Math.min(limit, 1));
        if (cutoff() != null) {
            cutoffOnly.offer(cutoff());
        }
        return cutoffOnly;
    }

    /** The selection cutoff, or null when nothing is to be selected. */
    public RankKey cutoff() {
        return limit == 0 ? null : largestFirst.peek();
    }

    public static boolean selected(RankKey key, RankKey cutoff) {
        return cutoff != null && key.compareTo(cutoff) <= 0;
    }
}
