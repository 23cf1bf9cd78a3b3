package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.projection.Population;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Merges the partial facts of all tasks (populations, census counts) into one, at parallelism 1.
 * For the census it is also the gate of MODEL.md 1.1: no baseline employee, or too many rejects,
 * stops the job here, before anything can be published.
 */
final class MergeFacts implements MapPartitionFunction<YearFact, YearFact> {
    private final int year;
    private final int levels;
    private final double maxRejectFraction;

    private MergeFacts(int year, int levels, double maxRejectFraction) {
        this.year = year;
        this.levels = levels;
        this.maxRejectFraction = maxRejectFraction;
    }

    static MergeFacts populations(int year, int levels) {
        return new MergeFacts(year, levels, Double.NaN);
    }

    static MergeFacts census(double maxRejectFraction) {
        return new MergeFacts(0, 0, maxRejectFraction);
    }

    @Override
    public void mapPartition(Iterable<YearFact> facts, Collector<YearFact> out) {
        if (Double.isNaN(maxRejectFraction)) {
            Population total = Population.empty(levels);
            for (YearFact f : facts) {
                total = total.merge(f.population());
            }
            out.collect(YearFact.population(year, total));
            return;
        }
        CensusAccounting total = CensusAccounting.NONE;
        for (YearFact f : facts) {
            total = total.plus(f.census());
        }
        String stop = total.stopReason(maxRejectFraction);
        if (stop != null) {
            throw new CensusRejectedException(stop);
        }
        out.collect(YearFact.census(total));
    }
}
