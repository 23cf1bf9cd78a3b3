package io.planwise.model.ensemble;

import io.planwise.model.mart.WorkforceSummary;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures one trial contributes to the bands: every metric per year and level, and summed over the levels. */
public final class TrialFigures {
    private TrialFigures() {}

    /** @param summary all of one trial's fct_workforce_summary rows */
    public static List<TrialFigure> of(int trial, List<WorkforceSummary> summary) {
        List<TrialFigure> figures = new ArrayList<>();
        Map<Integer, long[]> allLevels = new TreeMap<>();
        EnsembleMetric[] metrics = EnsembleMetric.values();
        for (WorkforceSummary row : summary) {
            long[] sums = allLevels.computeIfAbsent(row.simulationYear(), y -> new long[metrics.length]);
            for (EnsembleMetric m : metrics) {
                long v = value(row, m);
                sums[m.ordinal()] = Math.addExact(sums[m.ordinal()], v);
                figures.add(new TrialFigure(row.simulationYear(), row.levelId(), m.metricName(), trial, v));
            }
        }
        allLevels.forEach((year, sums) -> {
            for (EnsembleMetric m : metrics) {
                figures.add(new TrialFigure(year, null, m.metricName(), trial, sums[m.ordinal()]));
            }
        });
        return figures;
    }

    /** The exact value of a metric in a summary row: the column {@link EnsembleMetric#summaryColumn()} names. */
    public static long value(WorkforceSummary row, EnsembleMetric metric) {
        return switch (metric) {
            case ENDING_HEADCOUNT -> row.endingHeadcount();
            case HIRES -> row.hires();
            case EXPERIENCED_TERMINATIONS -> row.experiencedTerminations();
            case NEW_HIRE_TERMINATIONS -> row.newHireTerminations();
            case RIF_TERMINATIONS -> row.rifTerminations();
            case PROMOTIONS -> row.promotionsIn();
            case ENDING_TOTAL_COMPENSATION -> row.endingTotalCompensationCents();
            case PRORATED_COMPENSATION_COST -> row.proratedCompensationCostCents();
        };
    }
}
