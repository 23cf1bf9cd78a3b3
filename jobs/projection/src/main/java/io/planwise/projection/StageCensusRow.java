package io.planwise.projection;

import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusStaging;
import io.planwise.model.census.StagedRow;
import io.planwise.model.mart.CensusIssue;
import io.planwise.model.projection.ProjectionParameters;
import java.time.LocalDate;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Parses each census row; rows that cannot be used go to the rejects side output with their reason. */
final class StageCensusRow extends ProcessFunction<CensusRow, CensusCandidate> {
    static final OutputTag<CensusIssue> REJECTS = new OutputTag<>("census-rejects") {};

    private final ProjectionParameters p;
    private final LocalDate asOf;

    StageCensusRow(ProjectionParameters p, LocalDate asOf) {
        this.p = p;
        this.asOf = asOf;
    }

    @Override
    public void processElement(CensusRow row, Context ctx, Collector<CensusCandidate> out) {
        StagedRow staged = CensusStaging.stage(row, asOf);
        if (staged.rejected()) {
            String id = row.employeeId() == null || row.employeeId().isBlank() ? null : row.employeeId().trim();
            ctx.output(REJECTS, new CensusIssue(p.scenarioId, p.trial, p.startYear, row.source(), row.rowNumber(), id,
                    CensusIssue.REJECT, staged.rejectReason(), staged.rejectDetail(), row.raw()));
        } else {
            out.collect(staged.candidate());
        }
    }
}
