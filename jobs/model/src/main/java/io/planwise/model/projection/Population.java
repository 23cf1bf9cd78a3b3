package io.planwise.model.projection;

import java.util.Arrays;

/**
 * Exact totals over a start-of-year workforce: headcount N, hazard weight W = sum of w (an exact
 * integer, so the order in which parallel tasks add never changes a decision) and headcount by
 * level index (the adaptive new-hire level distribution). Mergeable, for parallel partial tallies.
 */
public final class Population implements ShardFact<Population> {
    private static final long serialVersionUID = 1L;

    private long headcount;
    private long totalHazardWeight;
    private long[] headcountByLevel;

    public Population() {
        this(0, 0, new long[0]);
    }

    public Population(long headcount, long totalHazardWeight, long[] headcountByLevel) {
        this.headcount = headcount;
        this.totalHazardWeight = totalHazardWeight;
        this.headcountByLevel = headcountByLevel;
    }

    public static Population empty(int levels) {
        return new Population(0, 0, new long[levels]);
    }

    public void add(ProjectionParameters p, StartOfYear s) {
        headcount++;
        totalHazardWeight = Math.addExact(totalHazardWeight, s.hazardWeight());
        headcountByLevel[p.levelIndex(s.employee().levelId())]++;
    }

    @Override
    public Population merge(Population other) {
        long[] byLevel = headcountByLevel.clone();
        for (int i = 0; i < byLevel.length; i++) {
            byLevel[i] = Math.addExact(byLevel[i], other.headcountByLevel[i]);
        }
        return new Population(Math.addExact(headcount, other.headcount),
                Math.addExact(totalHazardWeight, other.totalHazardWeight), byLevel);
    }

    public long headcount() {
        return headcount;
    }

    public long totalHazardWeight() {
        return totalHazardWeight;
    }

    public long[] headcountByLevel() {
        return headcountByLevel.clone();
    }

    // Bean accessors so Flink can serialize this as a POJO rather than through Kryo.
    public long getHeadcount() {
        return headcount;
    }

    public void setHeadcount(long headcount) {
        this.headcount = headcount;
    }

    public long getTotalHazardWeight() {
        return totalHazardWeight;
    }

    public void setTotalHazardWeight(long totalHazardWeight) {
        this.totalHazardWeight = totalHazardWeight;
    }

    public long[] getHeadcountByLevel() {
        return headcountByLevel;
    }

    public void setHeadcountByLevel(long[] headcountByLevel) {
        this.headcountByLevel = headcountByLevel;
    }

    @Override
    public String toString() {
        return "Population{N=" + headcount + ", W=" + totalHazardWeight + ", byLevel=" + Arrays.toString(headcountByLevel) + "}";
    }
}
