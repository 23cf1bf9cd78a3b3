package io.planwise.actuals;

import io.planwise.model.actuals.EmployeeHistory;
import io.planwise.model.actuals.EmployeeStanding;
import io.planwise.model.actuals.HrEvent;
import io.planwise.model.actuals.HrEventOutcome;
import io.planwise.model.actuals.WorkforceMovement;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each employee's events, in the order the outbox gives them, to the employee's standing
 * (keyed state, part of every checkpoint): an accepted event becomes a row of fct_hr_events_actual
 * and its rows of fct_workforce_actual_monthly, a rejected one a row of dq_hr_events_quarantine.
 * A malformed event never fails the job. Metrics: {@code eventsAccepted}, {@code eventsQuarantined},
 * {@code secondsSinceLastCommit} (since this task's last completed checkpoint, or its start: it
 * grows when nothing commits). After its first completed checkpoint, subtask 0 sweeps what earlier
 * runs left behind, and on the schedule it compacts the marts' committed files
 * ({@link ActualsHousekeeping}), in the task's thread: a round over a day of one-minute commits
 * takes well under a second.
 */
final class ApplyHrEvents extends KeyedProcessFunction<String, HrEvent, ActualsRecord> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private transient ValueState<EmployeeStanding> standing;
    private transient Counter accepted;
    private transient Counter quarantined;
    private transient long reportedAt;
    private transient volatile long committedAtMillis;
    private transient boolean swept;
    private transient long compactedAtMillis;
    private final ActualsHousekeeping housekeeping;

    ApplyHrEvents(ActualsHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Override
    public void open(OpenContext openContext) {
        standing = getRuntimeContext().getState(new ValueStateDescriptor<>("employee-standing",
                TypeInformation.of(EmployeeStanding.class)));
        accepted = getRuntimeContext().getMetricGroup().counter("eventsAccepted");
        quarantined = getRuntimeContext().getMetricGroup().counter("eventsQuarantined");
        committedAtMillis = System.currentTimeMillis();
        compactedAtMillis = housekeeping.startedAtMillis();
        getRuntimeContext().getMetricGroup().gauge("secondsSinceLastCommit",
                () -> (System.currentTimeMillis() - committedAtMillis) / 1000);
    }

    @Override
    public void processElement(HrEvent event, Context ctx, Collector<ActualsRecord> out) throws Exception {
        HrEventOutcome outcome = EmployeeHistory.apply(standing.value(), event);
        if (!outcome.isAccepted()) {
            quarantined.inc();
            out.collect(ActualsRecord.of(outcome.quarantined()));
            return;
        }
        accepted.inc();
        standing.update(outcome.standing());
        out.collect(ActualsRecord.of(outcome.accepted()));
        for (WorkforceMovement m : outcome.movements()) {
            out.collect(ActualsRecord.of(m));
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        committedAtMillis = System.currentTimeMillis();
        if (!swept && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            swept = true;
            ActualsHousekeeping.Removed removed = housekeeping.afterFirstCheckpoint(getRuntimeContext().getJobInfo().getJobId().toString());
            if (removed.partFiles() + removed.checkpoints() > 0) {
                PROGRESS.info("removed {} abandoned in-progress part files and {} old checkpoints of earlier runs",
                        removed.partFiles(), removed.checkpoints());
            }
        }
        long now = System.currentTimeMillis();
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 && housekeeping.compactionDue(compactedAtMillis, now)) {
            compactedAtMillis = now;
            try {
                int merged = housekeeping.compact(Instant.ofEpochMilli(now));
                if (merged > 0) {
                    PROGRESS.info("compacted the actuals marts: {} small committed files merged", merged);
                }
            } catch (RuntimeException e) {
                // Housekeeping, not ingestion: the events are committed either way, and the next
                // round (which removes this one's debris) tries again.
                PROGRESS.warn("compacting the actuals marts failed, next try at the next interval: {}", e.toString());
            }
        }
        long applied = accepted.getCount() + quarantined.getCount();
        if (applied != reportedAt) {
            reportedAt = applied;
            PROGRESS.info("checkpoint {} committed · subtask {} · {} events accepted, {} quarantined since start", checkpointId,
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1, accepted.getCount(), quarantined.getCount());
        }
    }
}
