package io.planwise.projection;

import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusStaging;
import io.planwise.model.mart.CensusIssue;
import io.planwise.model.projection.ProjectionParameters;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by employee_id: keeps the winner of MODEL.md's duplicate tie-break and rejects every other
 * row of the same id as duplicate_employee_id. The winner is emitted when the key is complete (in
 * BATCH mode a keyed operator sees its keys one after another, and timers fire at the end of each key).
 */
final class ResolveDuplicateIds extends KeyedProcessFunction<String, CensusCandidate, CensusCandidate> {
    private final ProjectionParameters p;
    private transient ValueState<CensusCandidate> best;

    ResolveDuplicateIds(ProjectionParameters p) {
        this.p = p;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        best = getRuntimeContext().getState(new ValueStateDescriptor<>("best", TypeInformation.of(CensusCandidate.class)));
    }

    @Override
    public void processElement(CensusCandidate row, Context ctx, Collector<CensusCandidate> out) throws Exception {
        CensusCandidate current = best.value();
        if (current == null) {
            best.update(row);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        CensusCandidate winner = row.beats(current) ? row : current;
        CensusCandidate loser = winner == row ? current : row;
        best.update(winner);
        ctx.output(StageCensusRow.REJECTS, new CensusIssue(p.scenarioId, p.trial, p.startYear, loser.source(),
                loser.rowNumber(), loser.employeeId(), CensusIssue.REJECT, CensusStaging.DUPLICATE_EMPLOYEE_ID,
                "another row of this employee_id wins the tie-break (latest hire date, then highest compensation, "
                        + "then first seen)", loser.raw()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CensusCandidate> out) throws Exception {
        out.collect(best.value());
        best.clear();
    }
}
