package io.planwise.model.actuals;

import java.time.LocalDate;

/**
 * Where an employee stands after the accepted events so far: active or terminated, level and
 * annual compensation (for a terminated employee: those at termination), and the effective date of
 * the latest accepted event, which a later event may not precede.
 */
public record EmployeeStanding(boolean active, int levelId, long compensationCents, LocalDate hiredOn,
        LocalDate lastEffectiveDate) {}
