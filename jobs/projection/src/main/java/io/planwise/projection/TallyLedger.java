package io.planwise.projection;

import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.RunLedger;
import org.apache.flink.api.common.functions.AggregateFunction;

/** One task's ledger of the event and snapshot rows it saw. */
final class TallyLedger implements AggregateFunction<MartRecord, RunLedger, YearFact> {
    private final ProjectionParameters p;

    TallyLedger(ProjectionParameters p) {
        this.p = p;
    }

    @Override
    public RunLedger createAccumulator() {
        return new RunLedger(p);
    }

    @Override
    public RunLedger add(MartRecord r, RunLedger ledger) {
        if (r.event() != null) {
            ledger.add(r.event());
        } else if (r.snapshot() != null) {
            ledger.add(r.snapshot());
        }
        return ledger;
    }

    @Override
    public YearFact getResult(RunLedger ledger) {
        return YearFact.ledger(ledger);
    }

    @Override
    public RunLedger merge(RunLedger a, RunLedger b) {
        return a.merge(b);
    }
}
