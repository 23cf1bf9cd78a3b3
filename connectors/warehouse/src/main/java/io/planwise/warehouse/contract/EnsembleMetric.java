package io.planwise.warehouse.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The per-trial figures an ensemble summarises in {@code fct_ensemble_bands} (MODEL.md section 6),
 * each read from one column of {@code fct_workforce_summary}: per level the row's value, for all
 * levels (level_id NULL) the sum over the trial's levels. Both engines derive the bands from the
 * summary rows, and the query API counts exceedances from them, so the three agree by construction.
 *
 * <p>Values are exact integers: headcounts, or cents for money ({@link #unitsPerCent} = 100 turns
 * cents into dollars, which is how the bands report money).
 */
public enum EnsembleMetric {
    ENDING_HEADCOUNT("ending_headcount", "ending_headcount", false),
    HIRES("hires", "hires", false),
    EXPERIENCED_TERMINATIONS("experienced_terminations", "experienced_terminations", false),
    NEW_HIRE_TERMINATIONS("new_hire_terminations", "new_hire_terminations", false),
    RIF_TERMINATIONS("rif_terminations", "rif_terminations", false),
    /** Promotions into the level (the promotion event's level_id); for all levels, every promotion. */
    PROMOTIONS("promotions", "promotions_in", false),
    ENDING_TOTAL_COMPENSATION("ending_total_compensation", "ending_total_compensation", true),
    PRORATED_COMPENSATION_COST("prorated_compensation_cost", "prorated_compensation_cost", true);

    private final String metricName;
    private final String summaryColumn;
    private final boolean money;

    EnsembleMetric(String metricName, String summaryColumn, boolean money) {
        this.metricName = metricName;
        this.summaryColumn = summaryColumn;
        this.money = money;
    }

    /** The value of the bands' {@code metric} column. */
    public String metricName() {
        return metricName;
    }

    /** The {@code fct_workforce_summary} column the metric is read from. */
    public String summaryColumn() {
        return summaryColumn;
    }

    public boolean money() {
        return money;
    }

    /** What an exact per-trial value is divided by to give the band's unit: 100 for money (cents to dollars), else 1. */
    public int unitsPerCent() {
        return money ? 100 : 1;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EnsembleMetric::metricName).toList();
    }

    /** @throws IllegalArgumentException naming the metrics when there is no such metric */
    public static EnsembleMetric named(String name) {
        for (EnsembleMetric m : values()) {
            if (m.metricName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("There is no ensemble metric named " + name + "; the metrics are "
                + names() + ".");
    }
}
