package io.planwise.actuals;

import static io.planwise.connector.mart.MartColumn.nullable;
import static io.planwise.connector.mart.MartColumn.required;
import static io.planwise.connector.mart.MartColumnType.BIGINT;
import static io.planwise.connector.mart.MartColumnType.DATE;
import static io.planwise.connector.mart.MartColumnType.DECIMAL_18_2;
import static io.planwise.connector.mart.MartColumnType.INTEGER;
import static io.planwise.connector.mart.MartColumnType.VARCHAR;

import io.planwise.connector.mart.MartCatalog;
import io.planwise.connector.mart.MartSchema;
import java.util.List;

/**
 * The actuals marts and their columns, in file order. They live in {@code <warehouse>/actuals/<mart>/}
 * without partitions and without a manifest (see the streaming mart sink). Money is DECIMAL(18,2);
 * recorded_at is the outbox's timestamp as text in UTC (cast it with {@code ::TIMESTAMPTZ}).
 */
public final class ActualsMarts {
    public static final String EVENTS = "fct_hr_events_actual";
    public static final String MONTHLY = "fct_workforce_actual_monthly";
    public static final String QUARANTINE = "dq_hr_events_quarantine";
    public static final List<String> ALL = List.of(EVENTS, MONTHLY, QUARANTINE);

    private ActualsMarts() {}

    public static MartCatalog<ActualsRecord> catalog() {
        return new MartCatalog<>(List.of(events(), monthly(), quarantine()), null, new Router());
    }

    private static final class Router implements MartCatalog.Router<ActualsRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public String mart(ActualsRecord r) {
            return r.event() != null ? EVENTS : r.movement() != null ? MONTHLY : QUARANTINE;
        }

        @Override
        public int partition(ActualsRecord r) {
            return 0; // streaming marts are not partitioned
        }
    }

    static MartSchema<ActualsRecord> events() {
        return new MartSchema<>(EVENTS, List.of(
                required("event_id", BIGINT, r -> r.event().eventId()),
                required("employee_id", VARCHAR, r -> r.event().employeeId()),
                required("event_type", VARCHAR, r -> r.event().eventType()),
                required("effective_date", DATE, r -> r.event().effectiveDate()),
                required("level_id", INTEGER, r -> r.event().levelId()),
                nullable("previous_level_id", INTEGER, r -> r.event().previousLevelId()),
                required("compensation", DECIMAL_18_2, r -> r.event().compensationCents()),
                nullable("previous_compensation", DECIMAL_18_2, r -> r.event().previousCompensationCents()),
                nullable("recorded_at", VARCHAR, r -> r.event().recordedAt())));
    }

    static MartSchema<ActualsRecord> monthly() {
        return new MartSchema<>(MONTHLY, List.of(
                required("month", DATE, r -> r.movement().month()),
                required("level_id", INTEGER, r -> r.movement().levelId()),
                required("event_id", BIGINT, r -> r.movement().eventId()),
                required("employee_id", VARCHAR, r -> r.movement().employeeId()),
                required("event_type", VARCHAR, r -> r.movement().eventType()),
                required("headcount_change", INTEGER, r -> r.movement().headcountChange()),
                required("hires", INTEGER, r -> r.movement().hires()),
                required("terminations", INTEGER, r -> r.movement().terminations()),
                required("promotions_in", INTEGER, r -> r.movement().promotionsIn()),
                required("promotions_out", INTEGER, r -> r.movement().promotionsOut()),
                required("compensation_changes", INTEGER, r -> r.movement().compensationChanges()),
                required("payroll_change", DECIMAL_18_2, r -> r.movement().payrollChangeCents())));
    }

    static MartSchema<ActualsRecord> quarantine() {
        return new MartSchema<>(QUARANTINE, List.of(
                required("event_id", BIGINT, r -> r.quarantined().eventId()),
                nullable("employee_id", VARCHAR, r -> r.quarantined().employeeId()),
                nullable("event_type", VARCHAR, r -> r.quarantined().eventType()),
                nullable("effective_date", DATE, r -> r.quarantined().effectiveDate()),
                nullable("compensation", DECIMAL_18_2, r -> r.quarantined().compensationCents()),
                nullable("level_id", INTEGER, r -> r.quarantined().levelId()),
                nullable("recorded_at", VARCHAR, r -> r.quarantined().recordedAt()),
                required("reason", VARCHAR, r -> r.quarantined().reason()),
                required("detail", VARCHAR, r -> r.quarantined().detail())));
    }
}
