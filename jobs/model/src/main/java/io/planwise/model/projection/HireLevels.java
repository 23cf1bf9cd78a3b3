package io.planwise.model.projection;

/**
 * Level of new-hire slot i (1-based) out of H: the first level L with (2i - 1) x Dw <= 2 x H x
 * C_L, where C_L are cumulative integer weights (start-of-year headcount by level, or the
 * scenario's fixed distribution in micros) and Dw their total. Integer-only, so both engines agree.
 */
public final class HireLevels {
    private final long[] cumulative;
    private final long total;
    private final long hires;
    private final int[] levelIds;

    public HireLevels(ProjectionParameters p, Population population, long hires) {
        long[] weights = p.fixedLevelWeights() != null ? p.fixedLevelWeights() : population.headcountByLevel();
        this.cumulative = new long[p.levelCount()];
        this.levelIds = new int[p.levelCount()];
        long c = 0;
        for (int i = 0; i < p.levelCount(); i++) {
            c += i < weights.length ? weights[i] : 0;
            cumulative[i] = c;
            levelIds[i] = p.levelId(i);
        }
        this.total = c;
        this.hires = hires;
        if (hires > 0 && total <= 0) {
            throw new IllegalStateException("cannot place new hires: every level has zero weight in the hire level distribution");
        }
    }

    public int levelOfSlot(long slot) {
        long lhs = Math.multiplyExact(2 * slot - 1, total);
        for (int i = 0; i < cumulative.length; i++) {
            if (lhs <= Math.multiplyExact(2 * hires, cumulative[i])) {
                return levelIds[i];
            }
        }
        return levelIds[levelIds.length - 1];
    }
}
