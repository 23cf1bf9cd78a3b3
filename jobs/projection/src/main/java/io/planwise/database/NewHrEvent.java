package io.planwise.database;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An event to append to the outbox: the columns a writer supplies (event_id, recorded_at and txid
 * come from the database). Any value may be null and event_type may be any text: the outbox takes
 * what an HR system wrote, and the actuals job decides what is valid.
 */
public record NewHrEvent(String employeeId, String eventType, LocalDate effectiveDate, BigDecimal compensation,
        Integer levelId) {}
