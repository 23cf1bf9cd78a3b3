package io.planwise.actuals;

import io.planwise.connector.mart.StreamingMartSink;
import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.outbox.HrEventsOutboxSource;
import io.planwise.model.actuals.HrEvent;
import io.planwise.projection.LocalDateTypes;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming actuals job: HR events outbox → per-employee standing → actuals marts.
 *
 * <pre>
 * hr_events (PostgreSQL) ─ outbox source (1 subtask) ─ keyBy employee_id ─ apply HR events ─ actuals marts
 * </pre>
 *
 * <p><b>Exactly once.</b> Three pieces are in every checkpoint together: the outbox position (the
 * (txid, event_id) of the last row emitted; the source only reads rows of ended transactions, so no
 * row can appear behind it), each employee's standing, and the sink's part files up to the barrier.
 * The part files are committed when the checkpoint completes; a failure or a restore from a retained
 * checkpoint rewinds all three to the same point, so every outbox row lands exactly once in either
 * fct_hr_events_actual or dq_hr_events_quarantine.
 *
 * <p><b>The monthly mart</b> holds per-event movements (headcount, hires, terminations, promotions,
 * payroll change per month and level, with the event_id), not finished month totals. HR events are
 * effective-dated and often recorded late, so a month is never final; a total written when a month
 * "closed" would have to be rewritten by every late event, which immutable files cannot do. Movements
 * only ever add: readers sum them (a month's hires) and take running sums (end-of-month headcount and
 * payroll); the result does not depend on checkpoint timing or on the order of different employees'
 * events, and each row is traceable to its event.
 *
 * <p><b>What earlier runs left.</b> Once this run's first checkpoint completes, subtask 0 of the
 * apply operator removes the in-progress part files of earlier (killed) runs and all but the newest
 * retained checkpoints ({@link ActualsHousekeeping} says why that is safe).
 *
 * <p>Per employee, events are applied in the order the source emits them. Malformed events go to
 * the quarantine mart with a reason and do not stop the job; database errors fail it, and Flink's
 * restart strategy restarts it from the last checkpoint.
 */
public final class ActualsJob {
    private final HrEventsOutboxSource<HrEvent> source;
    private final ActualsHousekeeping housekeeping;

    /** @param housekeeping where the marts and checkpoints are, and what of earlier runs' debris to remove */
    public ActualsJob(HrEventsOutboxSource<HrEvent> source, ActualsHousekeeping housekeeping) {
        this.source = source;
        this.housekeeping = housekeeping;
    }

    /** The outbox source for this job; checks the database before any job starts. */
    public static HrEventsOutboxSource<HrEvent> outbox(PostgresEndpoint endpoint, String table, Duration pollInterval) {
        LocalDateTypes.register();
        return HrEventsOutboxSource.<HrEvent>builder()
                .setEndpoint(endpoint)
                .setTable(table)
                .setDecoder(new HrEventDecoder())
                .setTypeInformation(TypeInformation.of(HrEvent.class))
                .setPollInterval(pollInterval)
                .build();
    }

    /** Adds the job to the environment; execute it with {@code env.execute} or {@code executeAsync}. */
    public void addTo(StreamExecutionEnvironment env) {
        LocalDateTypes.register();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "read hr_events outbox")
                .uid("hr-events-outbox")
                .setParallelism(1)
                .keyBy(ActualsJob::employeeKey, Types.STRING)
                .process(new ApplyHrEvents(housekeeping), TypeInformation.of(ActualsRecord.class))
                .uid("apply-hr-events")
                .name("apply HR events per employee")
                .sinkTo(StreamingMartSink.create(ActualsMartBinding.catalog(), housekeeping.actualsDirectory()))
                .uid("actuals-marts")
                .name("actuals marts (Parquet, committed on checkpoints)");
    }

    /** Events without an employee still need a key; they all meet (and are quarantined) under "". */
    private static String employeeKey(HrEvent e) {
        return e.employeeId() == null ? "" : e.employeeId();
    }
}
