package io.planwise.projection;

import io.planwise.model.projection.Population;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/** Merges the tasks' partial start-of-year tallies into the year's population (parallelism 1). */
final class MergePopulations implements MapPartitionFunction<YearFact, YearFact> {
    private final int year;
    private final int levels;

    MergePopulations(int year, int levels) {
        this.year = year;
        this.levels = levels;
    }

    @Override
    public void mapPartition(Iterable<YearFact> partials, Collector<YearFact> out) {
        Population total = Population.empty(levels);
        for (YearFact f : partials) {
            total = total.merge(f.population());
        }
        out.collect(YearFact.population(year, total));
    }
}
