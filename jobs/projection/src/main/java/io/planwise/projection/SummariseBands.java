package io.planwise.projection;

import io.planwise.model.ensemble.BandStatistics;
import io.planwise.model.ensemble.TrialFigure;
import io.planwise.model.mart.EnsembleBand;
import io.planwise.warehouse.contract.EnsembleMetric;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.util.Collector;

/**
 * One band: every trial's value of one (year, level, metric), keyed so that bands are computed in
 * parallel and no task sees more than its keys' trials. The values are exact, so the band does not
 * depend on the order they arrive in ({@link BandStatistics} sorts them).
 */
final class SummariseBands extends ProcessWindowFunction<TrialFigure, EnsembleBand, String, GlobalWindow> {
    private final String scenarioId;
    private final int trials;
    private final int minTrialsForBands;

    SummariseBands(String scenarioId, int trials, int minTrialsForBands) {
        this.scenarioId = scenarioId;
        this.trials = trials;
        this.minTrialsForBands = minTrialsForBands;
    }

    static String key(TrialFigure f) {
        return f.simulationYear() + "|" + f.levelId() + "|" + f.metric();
    }

    @Override
    public void process(String key, Context context, Iterable<TrialFigure> figures, Collector<EnsembleBand> out) {
        long[] values = new long[trials];
        int n = 0;
        TrialFigure first = null;
        for (TrialFigure f : figures) {
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = f.value();
            first = first == null ? f : first;
        }
        out.collect(BandStatistics.band(scenarioId, first.simulationYear(), first.levelId(),
                EnsembleMetric.named(first.metric()), java.util.Arrays.copyOf(values, n), minTrialsForBands));
    }
}
