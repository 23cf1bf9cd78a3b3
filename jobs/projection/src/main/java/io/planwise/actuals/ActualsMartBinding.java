package io.planwise.actuals;

import io.planwise.connector.mart.MartCatalog;
import io.planwise.connector.mart.MartSchema;
import io.planwise.warehouse.contract.ActualsMarts;
import java.util.List;

/**
 * Binds the streaming job's {@link ActualsRecord}s to the actuals marts of the contract
 * ({@link ActualsMarts}: names, types, nullability): one accessor per contract column, in order.
 */
public final class ActualsMartBinding {
    private static final String EVENTS = ActualsMarts.EVENTS.name();
    private static final String MONTHLY = ActualsMarts.MONTHLY.name();

    private ActualsMartBinding() {}

    public static MartCatalog<ActualsRecord> catalog() {
        return new MartCatalog<>(List.of(events(), monthly(), quarantine()), new Router());
    }

    private static final class Router implements MartCatalog.Router<ActualsRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public String mart(ActualsRecord r) {
            return r.event() != null ? EVENTS : r.movement() != null ? MONTHLY : ActualsMarts.QUARANTINE.name();
        }

        @Override
        public int partition(ActualsRecord r) {
            return 0; // streaming marts are not partitioned
        }
    }

    static MartSchema<ActualsRecord> events() {
        return MartSchema.<ActualsRecord>bind(ActualsMarts.EVENTS)
                .column("event_id", r -> r.event().eventId())
                .column("employee_id", r -> r.event().employeeId())
                .column("event_type", r -> r.event().eventType())
                .column("effective_date", r -> r.event().effectiveDate())
                .column("level_id", r -> r.event().levelId())
                .column("previous_level_id", r -> r.event().previousLevelId())
                .column("compensation", r -> r.event().compensationCents())
                .column("previous_compensation", r -> r.event().previousCompensationCents())
                .column("recorded_at", r -> r.event().recordedAt())
                .build();
    }

    static MartSchema<ActualsRecord> monthly() {
        return MartSchema.<ActualsRecord>bind(ActualsMarts.MONTHLY)
                .column("month", r -> r.movement().month())
                .column("level_id", r -> r.movement().levelId())
                .column("event_id", r -> r.movement().eventId())
                .column("employee_id", r -> r.movement().employeeId())
                .column("event_type", r -> r.movement().eventType())
                .column("headcount_change", r -> r.movement().headcountChange())
                .column("hires", r -> r.movement().hires())
                .column("terminations", r -> r.movement().terminations())
                .column("promotions_in", r -> r.movement().promotionsIn())
                .column("promotions_out", r -> r.movement().promotionsOut())
                .column("compensation_changes", r -> r.movement().compensationChanges())
                .column("payroll_change", r -> r.movement().payrollChangeCents())
                .build();
    }

    static MartSchema<ActualsRecord> quarantine() {
        return MartSchema.<ActualsRecord>bind(ActualsMarts.QUARANTINE)
                .column("event_id", r -> r.quarantined().eventId())
                .column("employee_id", r -> r.quarantined().employeeId())
                .column("event_type", r -> r.quarantined().eventType())
                .column("effective_date", r -> r.quarantined().effectiveDate())
                .column("compensation", r -> r.quarantined().compensationCents())
                .column("level_id", r -> r.quarantined().levelId())
                .column("recorded_at", r -> r.quarantined().recordedAt())
                .column("reason", r -> r.quarantined().reason())
                .column("detail", r -> r.quarantined().detail())
                .build();
    }
}
