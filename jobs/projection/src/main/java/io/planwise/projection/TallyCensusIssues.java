package io.planwise.projection;

import io.planwise.model.census.CensusIssueTally;
import io.planwise.model.mart.CensusIssue;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Per task: the census issues it saw, by severity and reason, for the run summary. */
final class TallyCensusIssues implements AggregateFunction<CensusIssue, CensusIssueTally, RunFact> {

    @Override
    public CensusIssueTally createAccumulator() {
        return new CensusIssueTally();
    }

    @Override
    public CensusIssueTally add(CensusIssue issue, CensusIssueTally tally) {
        return tally.add(issue);
    }

    @Override
    public RunFact getResult(CensusIssueTally tally) {
        return RunFact.censusIssues(tally);
    }

    @Override
    public CensusIssueTally merge(CensusIssueTally a, CensusIssueTally b) {
        return a.merge(b);
    }
}
