package io.planwise.model.actuals;

import java.time.LocalDate;

/**
 * A row of fct_hr_events_actual: an accepted event with the employee's level and annual
 * compensation after it (for a termination: at termination, the level the employee left from) and,
 * for promotions and compensation changes, before it.
 */
public record ActualEvent(
        long eventId,
        String employeeId,
        String eventType,
        LocalDate effectiveDate,
        int levelId,
        Integer previousLevelId,
        long compensationCents,
        Long previousCompensationCents,
        String recordedAt) {}
