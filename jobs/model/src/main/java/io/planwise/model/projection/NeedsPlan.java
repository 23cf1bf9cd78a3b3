package io.planwise.model.projection;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exact workforce needs of one year (MODEL.md section 3), computed in integers from the
 * config's exact decimals: target = round(N x (1 + g)); survivors = N - T; net = target -
 * survivors. net > 0 hires H = ceil(net / (1 - nh)) of whom H - net leave in the year; net <= 0
 * lays off -net survivors instead. Ending headcount is therefore the target, exactly.
 */
public record NeedsPlan(
        int year,
        long startingWorkforce,
        long totalHazardWeight,
        long experiencedTerminations,
        long target,
        long hires,
        long newHireTerminations,
        long reductionInForce) implements Serializable {

    public static NeedsPlan of(ProjectionParameters p, int year, Population population, long experiencedTerminations) {
        long n = population.headcount();
        long target = BigDecimal.valueOf(n).multiply(BigDecimal.ONE.add(p.growthRate))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        long survivors = n - experiencedTerminations;
        long net = target - survivors;
        if (net > 0) {
            long hires = BigDecimal.valueOf(net)
                    .divide(BigDecimal.ONE.subtract(p.newHireTerminationRate), 0, RoundingMode.CEILING)
                    .longValueExact();
            return new NeedsPlan(year, n, population.totalHazardWeight(), experiencedTerminations, target, hires,
                    hires - net, 0);
        }
        return new NeedsPlan(year, n, population.totalHazardWeight(), experiencedTerminations, target, 0, 0, -net);
    }

    /** t x N x 10^9 / W: the factor that turns a hazard h into p; null when W = 0. */
    public Double terminationCalibration(ProjectionParameters p) {
        if (totalHazardWeight == 0) {
            return null;
        }
        return ((p.terminationRate * startingWorkforce) * 1e9) / totalHazardWeight;
    }
}
