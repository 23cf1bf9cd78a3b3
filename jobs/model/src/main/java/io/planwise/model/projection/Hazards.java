package io.planwise.model.projection;

/**
 * Termination and promotion hazards of MODEL.md section 3. Products are taken left to right in
 * the order the model writes them, so the SQL models get the same bits.
 */
public final class Hazards {
    private Hazards() {}

    public static double termination(ProjectionParameters p, int age, int tenure, int levelId) {
        double levelFactor = Math.max(p.terminationBase.minLevelDiscountMultiplier(),
                1 - p.terminationBase.levelDiscountFactor() * (levelId - 1));
        return p.terminationBase.baseRateForNewHire()
                * p.terminationAgeMultiplier[p.ageBandIndex(age)]
                * p.terminationTenureMultiplier[p.tenureBandIndex(tenure)]
                * levelFactor;
    }

    /** w = round(h x 10^9): the integer weight whose exact sum W calibrates p. */
    public static long terminationWeight(ProjectionParameters p, int age, int tenure, int levelId) {
        return Cents.round(termination(p, age, tenure, levelId) * 1e9);
    }

    /** p = min(1, ((t x N) x w) / W); p = t when W = 0. */
    public static double terminationProbability(double t, long n, long w, long totalWeight) {
        if (totalWeight == 0) {
            return t;
        }
        return Math.min(1.0, ((t * n) * w) / totalWeight);
    }

    public static double promotion(ProjectionParameters p, int age, int tenure, int levelId) {
        double levelFactor = Math.max(0.0, 1 - p.promotionBase.levelDampenerFactor() * (levelId - 1));
        return p.promotionBase.baseRate()
                * p.promotionAgeMultiplier[p.ageBandIndex(age)]
                * p.promotionTenureMultiplier[p.tenureBandIndex(tenure)]
                * levelFactor
                * p.promotionRateMultiplier;
    }
}
