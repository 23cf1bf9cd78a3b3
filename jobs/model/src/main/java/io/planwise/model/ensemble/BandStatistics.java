package io.planwise.model.ensemble;

import io.planwise.model.mart.EnsembleBand;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.util.Arrays;

/**
 * The band of one metric over the trials (MODEL.md section 6), computed so that the SQL engine,
 * doing the same operations in the same order, gets the same bits:
 * <ul>
 *   <li>values x are exact integers (headcounts or cents), sorted ascending; s = 100 for money, else 1;</li>
 *   <li>min = x[0] / s, max = x[n−1] / s; mean = (Σx / n) / s with Σx an exact integer;</li>
 *   <li>sd (sample) = sqrt(ss / (n − 1)) / s, where m = Σx / n and ss adds (x[i] − m)² in ascending
 *       order of x, left to right — a fixed order, because a sum of doubles depends on it;</li>
 *   <li>percentile q (Hyndman–Fan type 7, Excel's PERCENTILE.INC): h = (n − 1) × q, lo = floor(h),
 *       value = (x[lo] + (h − lo) × (x[lo+1] − x[lo])) / s, with x[lo+1] = x[lo] at the top.</li>
 * </ul>
 * All arithmetic is IEEE double on exactly converted integers, and sqrt is correctly rounded, so
 * the bits are fixed. Below {@code minTrials} trials sd and every percentile are null: a band from
 * a handful of seeds would look precise and is not.
 */
public final class BandStatistics {
    public static final double[] PERCENTILES = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

    private BandStatistics() {}

    /** @param values one exact value per trial, in any order (not modified) */
    public static EnsembleBand band(String scenarioId, int year, Integer levelId, EnsembleMetric metric, long[] values,
            int minTrials) {
        long[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("a band needs at least one trial");
        }
        double s = metric.unitsPerCent();
        long sum = 0;
        for (long v : x) {
            sum = Math.addExact(sum, v);
        }
        double m = (double) sum / n;
        boolean sufficient = n >= minTrials;
        Double sd = null;
        Double[] q = new Double[PERCENTILES.length];
        if (sufficient) {
            double ss = 0;
            for (long v : x) {
                double d = (double) v - m;
                ss = ss + d * d;
            }
            sd = Math.sqrt(ss / (n - 1)) / s;
            for (int i = 0; i < PERCENTILES.length; i++) {
                q[i] = percentile(x, PERCENTILES[i]) / s;
            }
        }
        return new EnsembleBand(scenarioId, year, levelId, metric.metricName(), n, sufficient, m / s, sd, x[0] / s,
                q[0], q[1], q[2], q[3], q[4], q[5], q[6], x[n - 1] / s);
    }

    /** Type 7 on sorted exact values, before scaling. */
    static double percentile(long[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        double a = sorted[lo];
        double b = lo + 1 < n ? sorted[lo + 1] : a;
        return a + (h - lo) * (b - a);
    }
}
