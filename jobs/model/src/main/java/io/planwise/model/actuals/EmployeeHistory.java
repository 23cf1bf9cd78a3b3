package io.planwise.model.actuals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The rules an HR event must pass to change an employee's standing, and what it changes.
 *
 * <p>Quarantine reasons, checked in this order (the first that applies is given):
 * <ul>
 *   <li>{@code invalid_value} — a value could not be read;</li>
 *   <li>{@code missing_employee_id}, {@code unknown_event_type} (not hire, termination, promotion or
 *       compensation_change), {@code missing_effective_date};</li>
 *   <li>{@code date_out_of_order} — effective before the employee's latest accepted event;</li>
 *   <li>hire: {@code already_active}, {@code missing_compensation}, {@code invalid_compensation}
 *       (not positive), {@code missing_level_id};</li>
 *   <li>termination, promotion, compensation_change: {@code unknown_employee} (never hired),
 *       {@code employee_not_active} (terminated);</li>
 *   <li>promotion: {@code missing_level_id}, {@code not_a_promotion} (level not above the current
 *       one), {@code invalid_compensation}; compensation_change: {@code missing_compensation},
 *       {@code invalid_compensation}.</li>
 * </ul>
 *
 * <p>Accepted: a hire makes the employee active at the event's level and salary (a terminated
 * employee may be rehired); a termination keeps the level and salary at termination; a promotion
 * changes the level and, if given, the salary; a compensation change only the salary (its level_id,
 * if any, is ignored). A quarantined event changes nothing, so the events after it are judged
 * against the same standing.
 */
public final class EmployeeHistory {
    private static final Set<String> TYPES = Set.of(HrEvent.HIRE, HrEvent.TERMINATION, HrEvent.PROMOTION,
            HrEvent.COMPENSATION_CHANGE);

    private EmployeeHistory() {}

    /** @param standing the employee's standing so far, null if no event of theirs was accepted yet */
    public static HrEventOutcome apply(EmployeeStanding standing, HrEvent e) {
        if (e.unreadable() != null) {
            return quarantine(standing, e, "invalid_value", e.unreadable());
        }
        if (e.employeeId() == null || e.employeeId().isBlank()) {
            return quarantine(standing, e, "missing_employee_id", "the event names no employee");
        }
        if (e.eventType() == null || !TYPES.contains(e.eventType())) {
            return quarantine(standing, e, "unknown_event_type", "event_type " + (e.eventType() == null ? "is missing"
                    : "'" + e.eventType() + "' is not one of hire, termination, promotion, compensation_change"));
        }
        if (e.effectiveDate() == null) {
            return quarantine(standing, e, "missing_effective_date", "the event has no effective_date");
        }
        if (standing != null && e.effectiveDate().isBefore(standing.lastEffectiveDate())) {
            return quarantine(standing, e, "date_out_of_order", "effective " + e.effectiveDate()
                    + " is before this employee's latest accepted event, effective " + standing.lastEffectiveDate());
        }
        return switch (e.eventType()) {
            case HrEvent.HIRE -> hire(standing, e);
            case HrEvent.TERMINATION -> termination(standing, e);
            case HrEvent.PROMOTION -> promotion(standing, e);
            default -> compensationChange(standing, e);
        };
    }

    private static HrEventOutcome hire(EmployeeStanding standing, HrEvent e) {
        if (standing != null && standing.active()) {
            return quarantine(standing, e, "already_active", "hired on " + standing.hiredOn() + " and not terminated since");
        }
        String salary = salaryProblem(e);
        if (salary != null) {
            return quarantine(standing, e, e.compensationCents() == null ? "missing_compensation" : "invalid_compensation", salary);
        }
        if (e.levelId() == null) {
            return quarantine(standing, e, "missing_level_id", "a hire needs the level the employee is hired at");
        }
        long pay = e.compensationCents();
        int level = e.levelId();
        return accept(new EmployeeStanding(true, level, pay, e.effectiveDate(), e.effectiveDate()),
                new ActualEvent(e.eventId(), e.employeeId(), e.eventType(), e.effectiveDate(), level, null, pay, null, e.recordedAt()),
                List.of(movement(e, level, 1, 1, 0, 0, 0, 0, pay)));
    }

    private static HrEventOutcome termination(EmployeeStanding standing, HrEvent e) {
        HrEventOutcome notActive = requireActive(standing, e);
        if (notActive != null) {
            return notActive;
        }
        int level = standing.levelId();
        long pay = standing.compensationCents();
        return accept(new EmployeeStanding(false, level, pay, standing.hiredOn(), e.effectiveDate()),
                new ActualEvent(e.eventId(), e.employeeId(), e.eventType(), e.effectiveDate(), level, null, pay, null, e.recordedAt()),
                List.of(movement(e, level, -1, 0, 1, 0, 0, 0, -pay)));
    }

    private static HrEventOutcome promotion(EmployeeStanding standing, HrEvent e) {
        HrEventOutcome notActive = requireActive(standing, e);
        if (notActive != null) {
            return notActive;
        }
        if (e.levelId() == null) {
            return quarantine(standing, e, "missing_level_id", "a promotion needs the new level");
        }
        if (e.levelId() <= standing.levelId()) {
            return quarantine(standing, e, "not_a_promotion", "level " + e.levelId() + " is not above the current level "
                    + standing.levelId());
        }
        if (e.compensationCents() != null && e.compensationCents() <= 0) {
            return quarantine(standing, e, "invalid_compensation", salaryProblem(e));
        }
        int from = standing.levelId();
        int to = e.levelId();
        long before = standing.compensationCents();
        long after = e.compensationCents() == null ? before : e.compensationCents();
        return accept(new EmployeeStanding(true, to, after, standing.hiredOn(), e.effectiveDate()),
                new ActualEvent(e.eventId(), e.employeeId(), e.eventType(), e.effectiveDate(), to, from, after, before, e.recordedAt()),
                List.of(movement(e, from, -1, 0, 0, 0, 1, 0, -before), movement(e, to, 1, 0, 0, 1, 0, 0, after)));
    }

    private static HrEventOutcome compensationChange(EmployeeStanding standing, HrEvent e) {
        HrEventOutcome notActive = requireActive(standing, e);
        if (notActive != null) {
            return notActive;
        }
        String salary = salaryProblem(e);
        if (salary != null) {
            return quarantine(standing, e, e.compensationCents() == null ? "missing_compensation" : "invalid_compensation", salary);
        }
        int level = standing.levelId();
        long before = standing.compensationCents();
        long after = e.compensationCents();
        return accept(new EmployeeStanding(true, level, after, standing.hiredOn(), e.effectiveDate()),
                new ActualEvent(e.eventId(), e.employeeId(), e.eventType(), e.effectiveDate(), level, level, after, before, e.recordedAt()),
                List.of(movement(e, level, 0, 0, 0, 0, 0, 1, after - before)));
    }

    private static HrEventOutcome requireActive(EmployeeStanding standing, HrEvent e) {
        if (standing == null) {
            return quarantine(null, e, "unknown_employee", "no hire of employee " + e.employeeId() + " was recorded before this "
                    + e.eventType());
        }
        if (!standing.active()) {
            return quarantine(standing, e, "employee_not_active", "employee " + e.employeeId() + " was terminated effective "
                    + standing.lastEffectiveDate());
        }
        return null;
    }

    private static String salaryProblem(HrEvent e) {
        if (e.compensationCents() == null) {
            return "a " + e.eventType() + " needs the new annual compensation";
        }
        if (e.compensationCents() <= 0) {
            return "compensation " + java.math.BigDecimal.valueOf(e.compensationCents(), 2).toPlainString() + " is not positive";
        }
        return null;
    }

    private static WorkforceMovement movement(HrEvent e, int level, int headcount, int hires, int terminations,
            int promotionsIn, int promotionsOut, int compensationChanges, long payroll) {
        LocalDate month = e.effectiveDate().withDayOfMonth(1);
        return new WorkforceMovement(month, level, e.eventId(), e.employeeId(), e.eventType(), headcount, hires, terminations,
                promotionsIn, promotionsOut, compensationChanges, payroll);
    }

    private static HrEventOutcome accept(EmployeeStanding next, ActualEvent event, List<WorkforceMovement> movements) {
        return new HrEventOutcome(next, event, movements, null);
    }

    private static HrEventOutcome quarantine(EmployeeStanding standing, HrEvent e, String reason, String detail) {
        return new HrEventOutcome(standing, null, List.of(), new QuarantinedHrEvent(e.eventId(), e.employeeId(),
                e.eventType(), e.effectiveDate(), e.compensationCents(), e.levelId(), e.recordedAt(), reason, detail));
    }
}
