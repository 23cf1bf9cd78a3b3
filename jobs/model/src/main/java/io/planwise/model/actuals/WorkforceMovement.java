package io.planwise.model.actuals;

import java.time.LocalDate;

/**
 * A row of fct_workforce_actual_monthly: what one accepted event changed in one month and level.
 * A promotion moves out of the old level and into the new one (two rows); every other event is one
 * row. Figures of a month are sums over its rows; headcount and payroll at the end of a month are
 * running sums of headcount_change and payroll_change over all months up to it.
 *
 * @param month the first day of the event's effective month
 * @param payrollChangeCents the change of the level's annual payroll (sum of the actives' salaries)
 */
public record WorkforceMovement(
        LocalDate month,
        int levelId,
        long eventId,
        String employeeId,
        String eventType,
        int headcountChange,
        int hires,
        int terminations,
        int promotionsIn,
        int promotionsOut,
        int compensationChanges,
        long payrollChangeCents) {}
