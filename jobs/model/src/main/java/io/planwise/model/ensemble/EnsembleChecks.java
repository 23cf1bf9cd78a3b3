package io.planwise.model.ensemble;

import io.planwise.model.mart.EnsembleBand;
import io.planwise.model.mart.QualityCheck;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of an ensemble as a whole, per year, on its fct_ensemble_bands rows (dq_checks rows
 * with trial NULL, after every trial's own checks):
 * <ul>
 *   <li>{@code bands_complete}: one row per metric and level (and all levels), each over every trial;
 *       detail {@code "<rows> rows, expected <expected>; trials per row <min>-<max>, expected <N>"};</li>
 *   <li>{@code bands_ordered}: min ≤ p5 ≤ p10 ≤ p25 ≤ p50 ≤ p75 ≤ p90 ≤ p95 ≤ max on every sufficient
 *       row; detail {@code "<k> of <rows> rows out of order"}.</li>
 * </ul>
 */
public final class EnsembleChecks {
    public static final List<String> NAMES = List.of("bands_complete", "bands_ordered");

    private EnsembleChecks() {}

    /** @param bands every band row of the year */
    public static List<QualityCheck> of(String scenarioId, int year, List<EnsembleBand> bands, int trials, int levels) {
        long expected = (long) EnsembleMetric.values().length * (levels + 1);
        int minN = bands.stream().mapToInt(EnsembleBand::nTrials).min().orElse(0);
        int maxN = bands.stream().mapToInt(EnsembleBand::nTrials).max().orElse(0);
        boolean complete = bands.size() == expected && minN == trials && maxN == trials;
        long outOfOrder = bands.stream().filter(b -> b.isSufficient() && !ordered(b)).count();
        List<QualityCheck> checks = new ArrayList<>(2);
        checks.add(new QualityCheck(scenarioId, null, year, NAMES.get(0), complete, String.format(
                "%d rows, expected %d; trials per row %d-%d, expected %d", bands.size(), expected, minN, maxN, trials)));
        checks.add(new QualityCheck(scenarioId, null, year, NAMES.get(1), outOfOrder == 0,
                String.format("%d of %d rows out of order", outOfOrder, bands.size())));
        return checks;
    }

    private static boolean ordered(EnsembleBand b) {
        double[] chain = {b.min(), b.p5(), b.p10(), b.p25(), b.p50(), b.p75(), b.p90(), b.p95(), b.max()};
        for (int i = 1; i < chain.length; i++) {
            if (chain[i - 1] > chain[i]) {
                return false;
            }
        }
        return true;
    }
}
