package io.planwise.model.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmployeeHistoryTest {
    private static final LocalDate JAN_6 = LocalDate.of(2025, 1, 6);
    private static long ids;

    private static HrEvent event(String employee, String type, LocalDate date, Long cents, Integer level) {
        return new HrEvent(++ids, employee, type, date, cents, level, "2025-01-01 00:00:00+00", null);
    }

    private static EmployeeStanding hired(int level, long cents) {
        return EmployeeHistory.apply(null, event("E1", "hire", JAN_6, cents, level)).standing();
    }

    @Test
    void aHireStartsAnEmployeeAndCountsOneHeadAndTheSalary() {
        HrEventOutcome o = EmployeeHistory.apply(null, event("E1", "hire", JAN_6, 6_000_000L, 2));
        assertThat(o.isAccepted()).isTrue();
        assertThat(o.standing()).isEqualTo(new EmployeeStanding(true, 2, 6_000_000L, JAN_6, JAN_6));
        assertThat(o.movements()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(m.levelId()).isEqualTo(2);
            assertThat(m.headcountChange()).isEqualTo(1);
            assertThat(m.hires()).isEqualTo(1);
            assertThat(m.payrollChangeCents()).isEqualTo(6_000_000L);
        });
    }

    @Test
    void aPromotionMovesTheHeadAndTheSalaryBetweenLevels() {
        HrEventOutcome o = EmployeeHistory.apply(hired(2, 6_000_000L), event("E1", "promotion", LocalDate.of(2025, 3, 31),
                7_000_000L, 3));
        assertThat(o.accepted().previousLevelId()).isEqualTo(2);
        assertThat(o.accepted().previousCompensationCents()).isEqualTo(6_000_000L);
        List<WorkforceMovement> m = o.movements();
        assertThat(m).extracting(WorkforceMovement::levelId, WorkforceMovement::headcountChange,
                WorkforceMovement::promotionsOut, WorkforceMovement::promotionsIn, WorkforceMovement::payrollChangeCents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, -1, 1, 0, -6_000_000L),
                        org.assertj.core.groups.Tuple.tuple(3, 1, 0, 1, 7_000_000L));
        assertThat(m).allSatisfy(x -> assertThat(x.month()).isEqualTo(LocalDate.of(2025, 3, 1)));
        // without a new salary the salary carries over
        assertThat(EmployeeHistory.apply(hired(2, 6_000_000L), event("E1", "promotion", JAN_6, null, 4)).standing()
                .compensationCents()).isEqualTo(6_000_000L);
    }

    @Test
    void aCompensationChangeAndATerminationChangePayrollByTheRightAmounts() {
        EmployeeStanding s = hired(1, 5_000_000L);
        HrEventOutcome raise = EmployeeHistory.apply(s, event("E1", "compensation_change", JAN_6.plusDays(30), 5_250_000L, 9));
        assertThat(raise.movements()).singleElement().satisfies(m -> {
            assertThat(m.payrollChangeCents()).isEqualTo(250_000L);
            assertThat(m.levelId()).isEqualTo(1);
            assertThat(m.compensationChanges()).isEqualTo(1);
            assertThat(m.headcountChange()).isZero();
        });
        HrEventOutcome leave = EmployeeHistory.apply(raise.standing(), event("E1", "termination", JAN_6.plusDays(60), null, null));
        assertThat(leave.accepted().compensationCents()).isEqualTo(5_250_000L);
        assertThat(leave.accepted().levelId()).isEqualTo(1);
        assertThat(leave.movements()).singleElement().satisfies(m -> {
            assertThat(m.payrollChangeCents()).isEqualTo(-5_250_000L);
            assertThat(m.terminations()).isEqualTo(1);
            assertThat(m.headcountChange()).isEqualTo(-1);
        });
        assertThat(leave.standing().active()).isFalse();
        // a rehire after the termination is accepted
        assertThat(EmployeeHistory.apply(leave.standing(), event("E1", "hire", JAN_6.plusDays(90), 5_500_000L, 2))
                .isAccepted()).isTrue();
    }

    @Test
    void malformedEventsAreQuarantinedWithTheirReasonAndChangeNothing() {
        EmployeeStanding active = hired(2, 6_000_000L);
        EmployeeStanding gone = EmployeeHistory.apply(active, event("E1", "termination", JAN_6.plusDays(10), null, null)).standing();
        Map<String, HrEventOutcome> cases = new HashMap<>();
        cases.put("invalid_value", EmployeeHistory.apply(active, new HrEvent(1, "E1", "hire", JAN_6, null, 1, null, "bad")));
        cases.put("missing_employee_id", EmployeeHistory.apply(null, event(null, "hire", JAN_6, 1L, 1)));
        cases.put("unknown_event_type", EmployeeHistory.apply(active, event("E1", "transfer", JAN_6, null, null)));
        cases.put("missing_effective_date", EmployeeHistory.apply(active, event("E1", "termination", null, null, null)));
        cases.put("date_out_of_order", EmployeeHistory.apply(active, event("E1", "termination", JAN_6.minusDays(1), null, null)));
        cases.put("already_active", EmployeeHistory.apply(active, event("E1", "hire", JAN_6, 1L, 1)));
        cases.put("missing_compensation", EmployeeHistory.apply(null, event("E2", "hire", JAN_6, null, 1)));
        cases.put("invalid_compensation", EmployeeHistory.apply(active, event("E1", "compensation_change", JAN_6, 0L, null)));
        cases.put("missing_level_id", EmployeeHistory.apply(null, event("E2", "hire", JAN_6, 1L, null)));
        cases.put("unknown_employee", EmployeeHistory.apply(null, event("E3", "termination", JAN_6, null, null)));
        cases.put("employee_not_active", EmployeeHistory.apply(gone, event("E1", "promotion", JAN_6.plusDays(20), null, 3)));
        cases.put("not_a_promotion", EmployeeHistory.apply(active, event("E1", "promotion", JAN_6, null, 2)));
        cases.forEach((reason, o) -> {
            assertThat(o.isAccepted()).as(reason).isFalse();
            assertThat(o.quarantined().reason()).as(reason).isEqualTo(reason);
            assertThat(o.quarantined().detail()).as(reason).isNotBlank();
            assertThat(o.movements()).as(reason).isEmpty();
        });
        assertThat(cases.get("date_out_of_order").standing()).isEqualTo(active);
        assertThat(cases.get("date_out_of_order").quarantined().detail()).contains("2025-01-05", "2025-01-06");
        assertThat(cases.get("unknown_event_type").quarantined().detail()).contains("'transfer'");
    }

    @Test
    void syntheticEventsAreAllValidAndTheSameForTheSameSeed() {
        List<SyntheticHrEvents.Row> rows = new SyntheticHrEvents(7, LocalDate.of(2025, 1, 1)).events(2000);
        assertThat(rows).isEqualTo(new SyntheticHrEvents(7, LocalDate.of(2025, 1, 1)).events(2000));
        assertThat(rows).extracting(SyntheticHrEvents.Row::eventType).contains("hire", "termination", "promotion",
                "compensation_change");
        assertThat(rows.get(rows.size() - 1).effectiveDate()).isBefore(LocalDate.of(2026, 1, 1));
        Map<String, EmployeeStanding> standings = new HashMap<>();
        long n = 0;
        for (SyntheticHrEvents.Row r : rows) {
            HrEventOutcome o = EmployeeHistory.apply(standings.get(r.employeeId()), new HrEvent(++n, r.employeeId(),
                    r.eventType(), r.effectiveDate(), r.compensationCents(), r.levelId(), null, null));
            assertThat(o.quarantined()).as(r.toString()).isNull();
            standings.put(r.employeeId(), o.standing());
        }
        assertThat(new SyntheticHrEvents(8, LocalDate.of(2025, 1, 1)).events(10).get(0).employeeId()).startsWith("H8-");
    }
}
