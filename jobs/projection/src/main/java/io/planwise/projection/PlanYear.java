package io.planwise.projection;

import io.planwise.model.projection.NeedsPlan;
import io.planwise.model.projection.Population;
import io.planwise.model.projection.ProjectionParameters;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gathers the year's population and the partial termination counts, at parallelism 1, into the exact needs. */
final class PlanYear implements MapPartitionFunction<YearFact, YearFact> {
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private final ProjectionParameters p;
    private final int year;

    PlanYear(ProjectionParameters p, int year) {
        this.p = p;
        this.year = year;
    }

    @Override
    public void mapPartition(Iterable<YearFact> facts, Collector<YearFact> out) {
        Population population = null;
        long terminations = 0;
        for (YearFact f : facts) {
            if (f.population() != null) {
                population = f.population();
            } else {
                terminations += f.experiencedTerminations();
            }
        }
        if (population == null) {
            throw new IllegalStateException("year " + year + " has no start-of-year population");
        }
        NeedsPlan needs = NeedsPlan.of(p, year, population, terminations);
        PROGRESS.info("{}  start {}  experienced terminations {}  hires {}  new-hire terminations {}  RIF {}  target {}",
                year, needs.startingWorkforce(), needs.experiencedTerminations(), needs.hires(),
                needs.newHireTerminations(), needs.reductionInForce(), needs.target());
        out.collect(YearFact.needs(needs));
    }
}
