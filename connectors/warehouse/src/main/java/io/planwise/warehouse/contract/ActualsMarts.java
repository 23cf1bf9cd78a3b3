package io.planwise.warehouse.contract;

import static io.planwise.warehouse.contract.Column.nullable;
import static io.planwise.warehouse.contract.Column.required;
import static io.planwise.warehouse.contract.ColumnType.BIGINT;
import static io.planwise.warehouse.contract.ColumnType.DATE;
import static io.planwise.warehouse.contract.ColumnType.DECIMAL_18_2;
import static io.planwise.warehouse.contract.ColumnType.INTEGER;
import static io.planwise.warehouse.contract.ColumnType.VARCHAR;

import java.util.List;

/**
 * The marts the streaming actuals job keeps in {@code <warehouse>/actuals/<mart>/}, declared once:
 * no partitions and no manifest (finished files are immutable and appear on each checkpoint).
 * recorded_at is the outbox's timestamp as text in UTC (cast it with {@code ::TIMESTAMPTZ}).
 */
public final class ActualsMarts {
    /** The directory below the warehouse root that holds the actuals marts. */
    public static final String DIRECTORY = "actuals";

    public static final Mart EVENTS = new Mart("fct_hr_events_actual", List.of(
            required("event_id", BIGINT),
            required("employee_id", VARCHAR),
            required("event_type", VARCHAR),
            required("effective_date", DATE),
            required("level_id", INTEGER),
            nullable("previous_level_id", INTEGER),
            required("compensation", DECIMAL_18_2),
            nullable("previous_compensation", DECIMAL_18_2),
            nullable("recorded_at", VARCHAR)), null);

    public static final Mart MONTHLY = new Mart("fct_workforce_actual_monthly", List.of(
            required("month", DATE),
            required("level_id", INTEGER),
            required("event_id", BIGINT),
            required("employee_id", VARCHAR),
            required("event_type", VARCHAR),
            required("headcount_change", INTEGER),
            required("hires", INTEGER),
            required("terminations", INTEGER),
            required("promotions_in", INTEGER),
            required("promotions_out", INTEGER),
            required("compensation_changes", INTEGER),
            required("payroll_change", DECIMAL_18_2)), null);

    public static final Mart QUARANTINE = new Mart("dq_hr_events_quarantine", List.of(
            required("event_id", BIGINT),
            nullable("employee_id", VARCHAR),
            nullable("event_type", VARCHAR),
            nullable("effective_date", DATE),
            nullable("compensation", DECIMAL_18_2),
            nullable("level_id", INTEGER),
            nullable("recorded_at", VARCHAR),
            required("reason", VARCHAR),
            required("detail", VARCHAR)), null);

    public static final List<Mart> ALL = List.of(EVENTS, MONTHLY, QUARANTINE);

    private ActualsMarts() {}
}
