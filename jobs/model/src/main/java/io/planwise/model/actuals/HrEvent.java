package io.planwise.model.actuals;

import java.time.LocalDate;

/**
 * One row of the HR events outbox as read. Any field but the event id may be missing or wrong;
 * {@link EmployeeHistory} decides. compensation is the annual salary after the event, in cents.
 *
 * @param recordedAt when the row was written, ISO-8601 text in UTC as PostgreSQL renders it
 * @param unreadable set when a value could not be read (e.g. an amount with fractions of a cent);
 *     the event is then quarantined as {@code invalid_value} with this text as detail
 */
public record HrEvent(
        long eventId,
        String employeeId,
        String eventType,
        LocalDate effectiveDate,
        Long compensationCents,
        Integer levelId,
        String recordedAt,
        String unreadable) {

    public static final String HIRE = "hire";
    public static final String TERMINATION = "termination";
    public static final String PROMOTION = "promotion";
    public static final String COMPENSATION_CHANGE = "compensation_change";
}
