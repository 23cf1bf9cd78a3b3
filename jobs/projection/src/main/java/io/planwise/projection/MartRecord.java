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
 * one catalog and one publish step, so one type serves every mart. {@link #YEAR_WRITTEN} carries no
 * row: a trial task sends it after each year of a detail trial, and the sink closes its open part
 * files (see MartSink).
 */
public record MartRecord(
        YearlyEvent event,
        WorkforceSnapshot snapshot,
        WorkforceNeeds needs,
        WorkforceSummary summary,
        CensusIssue censusIssue,
        QualityCheck check,
        EnsembleBand band,
        boolean yearWritten) {

    public static final MartRecord YEAR_WRITTEN = new MartRecord(null, null, null, null, null, null, null, true);

    public static MartRecord of(YearlyEvent e) {
        return new MartRecord(e, null, null, null, null, null, null, false);
    }

    public static MartRecord of(WorkforceSnapshot s) {
        return new MartRecord(null, s, null, null, null, null, null, false);
    }

    public static MartRecord of(WorkforceNeeds n) {
        return new MartRecord(null, null, n, null, null, null, null, false);
    }

    public static MartRecord of(WorkforceSummary s) {
        return new MartRecord(null, null, null, s, null, null, null, false);
    }

    public static MartRecord of(CensusIssue i) {
        return new MartRecord(null, null, null, null, i, null, null, false);
    }

    public static MartRecord of(EnsembleBand b) {
        return new MartRecord(null, null, null, null, null, null, b, false);
    }

    public static MartRecord of(QualityCheck c) {
        return new MartRecord(null, null, null, null, null, c, null, false);
    }
}
