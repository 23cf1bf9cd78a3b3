package io.planwise.projection;

import io.planwise.model.ensemble.EnsembleChecks;
import io.planwise.model.mart.EnsembleBand;
import io.planwise.model.mart.QualityCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * The ensemble's own checks ({@link EnsembleChecks}), per year, over every band row: a few hundred
 * rows per year whatever the number of trials, so one task may see them all.
 */
final class CheckBands implements MapPartitionFunction<EnsembleBand, QualityCheck> {
    private final String scenarioId;
    private final int startYear;
    private final int endYear;
    private final int trials;
    private final int levels;

    CheckBands(String scenarioId, int startYear, int endYear, int trials, int levels) {
        this.scenarioId = scenarioId;
        this.startYear = startYear;
        this.endYear = endYear;
        this.trials = trials;
        this.levels = levels;
    }

    @Override
    public void mapPartition(Iterable<EnsembleBand> bands, Collector<QualityCheck> out) {
        Map<Integer, List<EnsembleBand>> byYear = new TreeMap<>();
        for (int y = startYear; y <= endYear; y++) {
            byYear.put(y, new ArrayList<>());
        }
        for (EnsembleBand b : bands) {
            byYear.computeIfAbsent(b.simulationYear(), y -> new ArrayList<>()).add(b);
        }
        byYear.forEach((year, rows) -> EnsembleChecks.of(scenarioId, year, rows, trials, levels).forEach(out::collect));
    }
}
