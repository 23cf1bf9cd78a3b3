package io.planwise.model.actuals;

import java.time.LocalDate;

/** A row of dq_hr_events_quarantine: an event as read, why it was not applied, and the detail. */
public record QuarantinedHrEvent(
        long eventId,
        String employeeId,
        String eventType,
        LocalDate effectiveDate,
        Long compensationCents,
        Integer levelId,
        String recordedAt,
        String reason,
        String detail) {}
