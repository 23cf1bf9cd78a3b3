package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.projection.BaselineEmployee;

/** What every trial task receives before its first trial: each baseline employee, and the census accounting once. */
public record TrialInput(BaselineEmployee employee, CensusAccounting census) {

    public static TrialInput of(BaselineEmployee e) {
        return new TrialInput(e, null);
    }

    public static TrialInput of(RunFact censusFact) {
        return new TrialInput(null, censusFact.census());
    }
}
