package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.census.CensusIssueTally;
import io.planwise.model.mart.QualityCheck;

/**
 * One small fact the run's evaluation gathers: census accounting, the census issues by reason, one
 * task's trial verdicts, or one ensemble check. Exactly one field is set; a single type lets them
 * travel to the one evaluating task together.
 */
public record RunFact(CensusAccounting census, CensusIssueTally censusIssues, TrialVerdicts verdicts,
        QualityCheck ensembleCheck) {

    public static RunFact census(CensusAccounting c) {
        return new RunFact(c, null, null, null);
    }

    public static RunFact censusIssues(CensusIssueTally t) {
        return new RunFact(null, t, null, null);
    }

    public static RunFact verdicts(TrialVerdicts v) {
        return new RunFact(null, null, v, null);
    }

    public static RunFact ensembleCheck(QualityCheck c) {
        return new RunFact(null, null, null, c);
    }
}
