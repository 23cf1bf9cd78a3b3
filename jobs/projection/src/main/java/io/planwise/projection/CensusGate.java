package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Adds up the census counts of all tasks and applies the gate of MODEL.md 1.1: no baseline
 * employee, or too many rejects, stops the job here, before anything can be published.
 */
final class CensusGate implements MapPartitionFunction<RunFact, RunFact> {
    private final double maxRejectFraction;

    CensusGate(double maxRejectFraction) {
        this.maxRejectFraction = maxRejectFraction;
    }

    @Override
    public void mapPartition(Iterable<RunFact> partials, Collector<RunFact> out) {
        CensusAccounting total = CensusAccounting.NONE;
        for (RunFact f : partials) {
            total = total.plus(f.census());
        }
        String stop = total.stopReason(maxRejectFraction);
        if (stop != null) {
            throw new CensusRejectedException(stop);
        }
        out.collect(RunFact.census(total));
    }
}
