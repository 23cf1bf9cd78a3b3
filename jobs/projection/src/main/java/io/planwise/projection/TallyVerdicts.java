package io.planwise.projection;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds one task's trial verdicts into one, so the evaluation merges one per task, not one per trial. */
final class TallyVerdicts implements AggregateFunction<TrialVerdicts, TrialVerdicts, RunFact> {
    @Override
    public TrialVerdicts createAccumulator() {
        return new TrialVerdicts();
    }

    @Override
    public TrialVerdicts add(TrialVerdicts value, TrialVerdicts acc) {
        return acc.absorb(value);
    }

    @Override
    public RunFact getResult(TrialVerdicts acc) {
        return RunFact.verdicts(acc);
    }

    @Override
    public TrialVerdicts merge(TrialVerdicts a, TrialVerdicts b) {
        return a.absorb(b);
    }
}
