package io.planwise.projection;

import io.planwise.model.mart.CensusIssue;
import io.planwise.model.mart.EnsembleBand;
import io.planwise.model.mart.QualityCheck;
import io.planwise.model.mart.WorkforceNeeds;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.WorkforceSummary;
import io.planwise.model.mart.YearlyEvent;

/**
 * A row of any mart on its way to a mart sink: exactly one row field is set. The sinks of a run share
 * one catalog and one publish step, so one type serves every mart.
 */
public record MartRecord(
        YearlyEvent event,
        WorkforceSnapshot snapshot,
        WorkforceNeeds needs,
        WorkforceSummary summary,
        CensusIssue censusIssue,
        QualityCheck check,
        EnsembleBand band) {

    public static MartRecord of(YearlyEvent e) {
        return new MartRecord(e, null, null, null, null, null, null);
    }

    public static MartRecord of(WorkforceSnapshot s) {
        return new MartRecord(null, s, null, null, null, null, null);
    }

    public static MartRecord of(WorkforceNeeds n) {
        return new MartRecord(null, null, n, null, null, null, null);
    }

    public static MartRecord of(WorkforceSummary s) {
        return new MartRecord(null, null, null, s, null, null, null);
    }

    public static MartRecord of(CensusIssue i) {
        return new MartRecord(null, null, null, null, i, null, null);
    }

    public static MartRecord of(EnsembleBand b) {
        return new MartRecord(null, null, null, null, null, null, b);
    }

    public static MartRecord of(QualityCheck c) {
        return new MartRecord(null, null, null, null, null, c, null);
    }
}
