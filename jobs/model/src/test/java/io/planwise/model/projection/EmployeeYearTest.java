package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.draw.DrawStream;
import io.planwise.model.draw.RandomDraws;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * MODEL.md section 3 for one employee of the start-of-year workforce. Each decision made by a draw is
 * forced by the inputs: t = 0 makes p = 0 (nobody leaves), N = 1 with W = 1 and t = 1 makes
 * p = min(1, w) = 1 (certain to leave), promotion_rate_multiplier 100 makes min(1, hp) = 1,
 * distribution_range 0 makes the promotion increase exactly base_increase_pct, and the RIF cutoff is
 * either the largest possible key (selects everyone) or null (selects no one).
 */
class EmployeeYearTest {
    private static final String EVENT_ID = "EVT_[0-9a-f]{16}";
    /** The largest RankKey an employee id can be compared with: selects every candidate. */
    private static final RankKey SELECT_ALL = new RankKey(-1L, "\uffff");

    private static final String NOBODY_LEAVES_ALWAYS_PROMOTED = """
            simulation:
              start_year: 2025
              end_year: 2025
            workforce:
              total_termination_rate: 0
            compensation:
              cola_rate: 0.02
              promotion_rate_multiplier: 100
              promotion_compensation:
                base_increase_pct: 0.20
                distribution_range: 0
            """;

    /** Born 1990-06-15 (start-of-2025 age 34), hired 2020-03-01 (tenure 4 at 2024-12-31), level 2, $90,000. */
    private static Employee worker(ProjectionParameters p) {
        return Fixtures.employee(p, "EMP_000001", LocalDate.of(1990, 6, 15), LocalDate.of(2020, 3, 1), 9_000_000L, 2);
    }

    private static YearPlan plan(int year, Population population, RankKey rifCutoff) {
        return new YearPlan(year, population, new NeedsPlan(year, population.headcount(), population.totalHazardWeight(),
                0, population.headcount(), 0, 0, 0), rifCutoff, null);
    }

    private static Population one(int levelIndex, long weight) {
        long[] byLevel = new long[5];
        byLevel[levelIndex] = 1;
        return new Population(1, weight, byLevel);
    }

    private static Fixtures.Capture project(ProjectionParameters p, YearPlan plan, Employee e) {
        Fixtures.Capture sink = new Fixtures.Capture();
        new EmployeeYear(p, plan).project(StartOfYear.of(p, e, plan.year()), sink);
        return sink;
    }

    @Test
    void aPromotedAndRaisedSurvivor() {
        ProjectionParameters p = Fixtures.params(NOBODY_LEAVES_ALWAYS_PROMOTED);
        Employee e = worker(p);
        Fixtures.Capture sink = project(p, plan(2025, one(1, 294_840_000L), null), e);

        List<YearlyEvent> events = sink.onlyEvents();
        assertThat(events).extracting(YearlyEvent::eventType).containsExactly("promotion", "raise");
        assertThat(events).extracting(YearlyEvent::eventSequence).containsExactly(1, 2);

        // Promotion Feb 1: pct = 0.20 + ((u - 0.5) x 2) x 0 = 0.20; new = min(round(9,000,000 x 1.2), 9,000,000 + 50,000,000)
        YearlyEvent promotion = events.get(0);
        assertThat(promotion.eventCategory()).isEqualTo("promotion");
        assertThat(promotion.effectiveDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(promotion.previousCompensationCents()).isEqualTo(9_000_000L);
        assertThat(promotion.compensationAmountCents()).isEqualTo(10_800_000L);
        assertThat(promotion.previousLevelId()).isEqualTo(2);
        assertThat(promotion.levelId()).isEqualTo(3);
        assertThat(promotion.eventProbability()).isEqualTo(1.0); // min(1, 0.04 x 1.4 x 1.5 x 0.85 x 100 = 7.14)
        assertThat(promotion.employeeAge()).isEqualTo(34);       // start-of-year age
        assertThat(promotion.employeeTenure()).isEqualTo(4);     // 1798 days from 2020-03-01 to 2025-02-01
        assertThat(promotion.ageBand()).isEqualTo("25-34");
        assertThat(promotion.tenureBand()).isEqualTo("2-4");

        // Raise Jul 15 at the promoted level 3: r = merit 0.045 + cola 0.02; new = round(10,800,000 x 1.065) = 11,502,000
        YearlyEvent raise = events.get(1);
        assertThat(raise.eventCategory()).isEqualTo("merit_cola");
        assertThat(raise.effectiveDate()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(raise.previousCompensationCents()).isEqualTo(10_800_000L);
        assertThat(raise.compensationAmountCents()).isEqualTo(11_502_000L);
        assertThat(raise.levelId()).isEqualTo(3);
        assertThat(raise.previousLevelId()).isEqualTo(3);
        assertThat(raise.eventProbability()).isNull();
        assertThat(raise.employeeTenure()).isEqualTo(5);         // 1962 days -> 5.37
        assertThat(raise.tenureBand()).isEqualTo("5-9");

        for (YearlyEvent event : events) {
            assertThat(event.scenarioId()).isEqualTo("default");
            assertThat(event.trial()).isZero();
            assertThat(event.simulationYear()).isEqualTo(2025);
            assertThat(event.employeeId()).isEqualTo("EMP_000001");
            assertThat(event.eventId()).matches(EVENT_ID)
                    .isEqualTo(RandomDraws.eventId(e.drawBase(), 2025, YearlyEvent.typeCode(event.eventType())));
        }
        assertThat(promotion.eventId()).isEqualTo(RandomDraws.eventId(p.draws.employeeBase("EMP_000001"), 2025, 2));
        assertThat(raise.eventId()).isEqualTo(RandomDraws.eventId(p.draws.employeeBase("EMP_000001"), 2025, 3));

        // Prorated pay, D = 365: Jan 1-31 (31 days) at 9,000,000; Feb 1-Jul 14 (28+31+30+31+30+14 = 164) at 10,800,000;
        // Jul 15-Dec 31 (17+31+30+31+30+31 = 170) at 11,502,000.
        // 279,000,000 + 1,771,200,000 + 1,955,340,000 = 4,005,540,000; / 365 = 10,974,082.19 -> 10,974,082
        WorkforceSnapshot s = sink.onlySnapshot();
        assertThat(s.proratedAnnualCompensationCents()).isEqualTo(10_974_082L);
        assertThat(s.currentCompensationCents()).isEqualTo(11_502_000L);
        assertThat(s.levelId()).isEqualTo(3);
        assertThat(s.employmentStatus()).isEqualTo("active");
        assertThat(s.detailedStatusCode()).isEqualTo("continuous_active");
        assertThat(s.terminationDate()).isNull();
        assertThat(s.terminationReason()).isNull();
        assertThat(s.currentAge()).isEqualTo(35);                // 2025 - 1990
        assertThat(s.currentTenure()).isEqualTo(5);              // 2131 days to 2025-12-31
        assertThat(s.ageBand()).isEqualTo("35-44");
        assertThat(s.employeeBirthDate()).isEqualTo(LocalDate.of(1990, 6, 15));
        assertThat(s.employeeHireDate()).isEqualTo(LocalDate.of(2020, 3, 1));

        Employee next = sink.onlyNext();
        assertThat(next).isEqualTo(new Employee("EMP_000001", e.drawBase(), e.birthDate(), e.hireDate(), 11_502_000L, 3));
    }

    @Test
    void aSurvivorWithoutPromotionGetsTheCompLeversRaise() {
        ProjectionParameters p = Fixtures.params("""
                simulation:
                  start_year: 2025
                  end_year: 2025
                workforce:
                  total_termination_rate: 0
                compensation:
                  promotion_rate_multiplier: 0
                """);
        Employee e = worker(p);
        Fixtures.Capture sink = project(p, plan(2025, one(1, 1), null), e);

        // r = merit_base(2025, level 2) 0.040 + comp_levers cola 0.015 = 0.055; round(9,000,000 x 1.055) = 9,495,000
        List<YearlyEvent> events = sink.onlyEvents();
        assertThat(events).hasSize(1);
        YearlyEvent raise = events.get(0);
        assertThat(raise.eventType()).isEqualTo("raise");
        assertThat(raise.eventSequence()).isEqualTo(1);
        assertThat(raise.effectiveDate()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(raise.compensationAmountCents()).isEqualTo(9_495_000L);
        assertThat(raise.previousCompensationCents()).isEqualTo(9_000_000L);
        assertThat(raise.levelId()).isEqualTo(2);

        // Jan 1-Jul 14 = 195 days at 9,000,000, Jul 15-Dec 31 = 170 days at 9,495,000:
        // (1,755,000,000 + 1,614,150,000) / 365 = 9,230,547.95 -> 9,230,548
        assertThat(sink.onlySnapshot().proratedAnnualCompensationCents()).isEqualTo(9_230_548L);
        assertThat(sink.onlyNext().salaryCents()).isEqualTo(9_495_000L);
        assertThat(sink.onlyNext().levelId()).isEqualTo(2);
    }

    @Test
    void thePromotionIncreaseIsCappedByPercentAndByAmount() {
        String base = """
                simulation:
                  start_year: 2025
                  end_year: 2025
                workforce:
                  total_termination_rate: 0
                compensation:
                  cola_rate: 0.02
                  promotion_rate_multiplier: 100
                  promotion_compensation:
                    distribution_range: 0
                """;
        // max_cap_amount $1,000: min(round(9,000,000 x 1.2) = 10,800,000, 9,000,000 + 100,000) = 9,100,000;
        // then the level-3 raise: round(9,100,000 x 1.065) = 9,691,500
        ProjectionParameters amount = Fixtures.params(base + "    base_increase_pct: 0.20\n    max_cap_amount: 1000\n");
        Fixtures.Capture a = project(amount, plan(2025, one(1, 1), null), worker(amount));
        assertThat(a.onlyEvents().get(0).compensationAmountCents()).isEqualTo(9_100_000L);
        assertThat(a.onlyEvents().get(1).compensationAmountCents()).isEqualTo(9_691_500L);

        // base 0.25 capped at max_cap_pct 0.10: round(9,000,000 x 1.1) = 9,900,000
        ProjectionParameters pct = Fixtures.params(base + "    base_increase_pct: 0.25\n    max_cap_pct: 0.10\n");
        Fixtures.Capture b = project(pct, plan(2025, one(1, 1), null), worker(pct));
        assertThat(b.onlyEvents().get(0).compensationAmountCents()).isEqualTo(9_900_000L);
    }

    @Test
    void thePromotionIncreaseFollowsItsDraw() {
        // default increase 0.20 +- 0.05: pct = 0.20 + ((u(4) - 0.5) x 2) x 0.05, always in [0.15, 0.25)
        ProjectionParameters p = Fixtures.params("""
                simulation:
                  start_year: 2025
                  end_year: 2025
                workforce:
                  total_termination_rate: 0
                compensation:
                  promotion_rate_multiplier: 100
                """);
        for (int i = 1; i <= 50; i++) {
            String id = String.format("EMP_%06d", i);
            Employee e = Fixtures.employee(p, id, LocalDate.of(1990, 6, 15), LocalDate.of(2020, 3, 1), 9_000_000L, 2);
            Fixtures.Capture sink = project(p, plan(2025, one(1, 1), null), e);
            YearlyEvent promotion = sink.onlyEvents().get(0);
            double u = RandomDraws.uniform(e.drawBase(), 2025, DrawStream.PROMOTION_PCT);
            double pct = 0.20 + ((u - 0.5) * 2) * 0.05;
            assertThat(promotion.compensationAmountCents()).isEqualTo(Cents.round(9_000_000L * (1 + pct)))
                    .isBetween(10_350_000L, 11_250_000L);
        }
    }

    @Test
    void ineligibleEmployeesAreNeverPromoted() {
        ProjectionParameters p = Fixtures.params(NOBODY_LEAVES_ALWAYS_PROMOTED);
        List<Employee> ineligible = List.of(
                // age 65 at the start of 2025 (2024 - 1959)
                Fixtures.employee(p, "OLD", LocalDate.of(1959, 1, 1), LocalDate.of(2000, 1, 1), 9_000_000L, 2),
                // tenure 0: hired 2024-06-01
                Fixtures.employee(p, "NEW", LocalDate.of(1990, 1, 1), LocalDate.of(2024, 6, 1), 9_000_000L, 2),
                // already at the top level
                Fixtures.employee(p, "TOP", LocalDate.of(1980, 1, 1), LocalDate.of(2010, 1, 1), 40_000_000L, 5));
        for (Employee e : ineligible) {
            Fixtures.Capture sink = project(p, plan(2025, one(1, 1), null), e);
            assertThat(sink.onlyEvents()).as(e.employeeId()).extracting(YearlyEvent::eventType).containsExactly("raise");
            assertThat(sink.onlyNext().levelId()).isEqualTo(e.levelId());
        }
        // age 64 with tenure exactly 1 is eligible (2024 - 1960 = 64; 2023-12-31 -> 2024-12-31 = 366 days -> 1)
        Employee edge = Fixtures.employee(p, "EDGE", LocalDate.of(1960, 1, 1), LocalDate.of(2023, 12, 31), 9_000_000L, 2);
        assertThat(project(p, plan(2025, one(1, 1), null), edge).onlyEvents())
                .extracting(YearlyEvent::eventType).containsExactly("promotion", "raise");
    }

    @Test
    void anExperiencedTermination() {
        // t = 1, N = 1, W = 1: p = min(1, ((1 x 1) x w) / 1) = 1 for any w >= 1, so u(1) < p is certain.
        ProjectionParameters p = Fixtures.params("""
                simulation:
                  start_year: 2025
                  end_year: 2025
                workforce:
                  total_termination_rate: 1
                """);
        Employee e = worker(p);
        Fixtures.Capture sink = project(p, plan(2025, one(1, 1), null), e);

        List<YearlyEvent> events = sink.onlyEvents();
        assertThat(events).hasSize(1);
        YearlyEvent t = events.get(0);
        assertThat(t.eventType()).isEqualTo("termination");
        assertThat(t.eventCategory()).isEqualTo("experienced_termination");
        assertThat(t.eventSequence()).isEqualTo(1);
        assertThat(t.eventProbability()).isEqualTo(1.0);
        assertThat(t.compensationAmountCents()).isEqualTo(9_000_000L);
        assertThat(t.levelId()).isEqualTo(2);
        assertThat(t.eventId()).matches(EVENT_ID).isEqualTo(RandomDraws.eventId(e.drawBase(), 2025, 4));
        // date = Jan 1 + (draw(2) mod D)
        LocalDate expectedDate = LocalDate.of(2025, 1, 1).plusDays(
                Long.remainderUnsigned(RandomDraws.draw(e.drawBase(), 2025, DrawStream.TERMINATION_DATE), 365));
        assertThat(t.effectiveDate()).isEqualTo(expectedDate);

        WorkforceSnapshot s = sink.onlySnapshot();
        assertThat(s.employmentStatus()).isEqualTo("terminated");
        assertThat(s.detailedStatusCode()).isEqualTo("experienced_termination");
        assertThat(s.terminationDate()).isEqualTo(expectedDate);
        assertThat(s.terminationReason()).isEqualTo("experienced_termination");
        assertThat(s.currentCompensationCents()).isEqualTo(9_000_000L);
        assertThat(s.currentAge()).isEqualTo(35); // 2025 - 1990
        // tenure at the termination date, for the event and the snapshot
        int tenure = (int) Math.floor(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2020, 3, 1), expectedDate) / 365.25);
        assertThat(s.currentTenure()).isEqualTo(tenure);
        assertThat(t.employeeTenure()).isEqualTo(tenure);
        assertThat(t.employeeAge()).isEqualTo(34); // start-of-year age
        // paid from Jan 1 through the termination date, inclusive
        long days = Fixtures.daysInclusive(LocalDate.of(2025, 1, 1), expectedDate);
        assertThat(s.proratedAnnualCompensationCents()).isEqualTo(Fixtures.roundedQuotient(9_000_000L * days, 365));
        assertThat(sink.onlyNext()).isNull();
    }

    @Test
    void terminationsInALeapYearProrateOver366Days() {
        ProjectionParameters p = Fixtures.params("""
                simulation:
                  start_year: 2028
                  end_year: 2028
                workforce:
                  total_termination_rate: 1
                """);
        for (int i = 1; i <= 40; i++) {
            Employee e = Fixtures.employee(p, "LEAP_" + i, LocalDate.of(1985, 1, 1), LocalDate.of(2015, 1, 1), 7_777_777L, 1);
            Fixtures.Capture sink = project(p, plan(2028, one(0, 1), null), e);
            LocalDate date = sink.onlyEvents().get(0).effectiveDate();
            assertThat(date.getYear()).isEqualTo(2028);
            assertThat(date).isEqualTo(LocalDate.of(2028, 1, 1).plusDays(
                    Long.remainderUnsigned(RandomDraws.draw(e.drawBase(), 2028, DrawStream.TERMINATION_DATE), 366)));
            long days = Fixtures.daysInclusive(LocalDate.of(2028, 1, 1), date);
            assertThat(sink.onlySnapshot().proratedAnnualCompensationCents())
                    .isEqualTo(Fixtures.roundedQuotient(7_777_777L * days, 366));
        }
    }

    @Test
    void aReductionInForceTermination() {
        ProjectionParameters p = Fixtures.params("""
                simulation:
                  start_year: 2025
                  end_year: 2025
                workforce:
                  total_termination_rate: 0
                """);
        Employee e = worker(p);
        Fixtures.Capture sink = project(p, plan(2025, one(1, 1), SELECT_ALL), e);
        List<YearlyEvent> events = sink.onlyEvents();
        assertThat(events).hasSize(1);
        YearlyEvent t = events.get(0);
        assertThat(t.eventType()).isEqualTo("termination");
        assertThat(t.eventCategory()).isEqualTo("reduction_in_force");
        assertThat(t.eventProbability()).isNull();
        // date from stream 2
        assertThat(t.effectiveDate()).isEqualTo(LocalDate.of(2025, 1, 1).plusDays(
                Long.remainderUnsigned(RandomDraws.draw(e.drawBase(), 2025, DrawStream.TERMINATION_DATE), 365)));
        WorkforceSnapshot s = sink.onlySnapshot();
        assertThat(s.employmentStatus()).isEqualTo("terminated");
        assertThat(s.terminationReason()).isEqualTo("reduction_in_force");
        assertThat(s.detailedStatusCode()).isIn("experienced_termination", "new_hire_termination");
        assertThat(sink.onlyNext()).isNull();

        // a cutoff below every real key selects no one: the employee survives with a raise
        Fixtures.Capture kept = project(p, plan(2025, one(1, 1), new RankKey(0L, "")), e);
        assertThat(kept.onlyEvents()).extracting(YearlyEvent::eventType).doesNotContain("termination");
        assertThat(kept.onlyNext()).isNotNull();
    }

    @Test
    void theReductionInForceTakesTheSmallestUOverW() {
        // 300 survivors (t = 0), RIF of 40: exactly the 40 with the smallest u(11) / w (ties by id) leave.
        ProjectionParameters p = Fixtures.params("""
                simulation:
                  start_year: 2025
                  end_year: 2025
                workforce:
                  total_termination_rate: 0
                """);
        List<Employee> staff = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            // a mix of ages, tenures and levels so w varies
            staff.add(Fixtures.employee(p, String.format("EMP_%06d", i), LocalDate.of(1960 + i % 40, 1 + i % 12, 1),
                    LocalDate.of(2000 + i % 24, 1, 1), 6_000_000L + i, 1 + i % 5));
        }
        int rif = 40;
        SmallestRanks ranks = new SmallestRanks(rif);
        Population population = Population.empty(5);
        for (Employee e : staff) {
            StartOfYear start = StartOfYear.of(p, e, 2025);
            ranks.offer(start.reductionInForceRank());
            population.add(p, start);
        }
        YearPlan plan = plan(2025, population, ranks.cutoff());

        Set<String> laidOff = new HashSet<>();
        for (Employee e : staff) {
            Fixtures.Capture sink = project(p, plan, e);
            if (sink.onlyNext() == null) {
                assertThat(sink.onlyEvents().get(0).eventCategory()).isEqualTo("reduction_in_force");
                laidOff.add(e.employeeId());
            }
        }
        // oracle: sort by u(11) / w as a double, then by id
        List<Employee> byRatio = new ArrayList<>(staff);
        byRatio.sort(Comparator.comparingDouble((Employee e) -> RandomDraws.uniform(e.drawBase(), 2025, DrawStream.RIF_RANK)
                / StartOfYear.of(p, e, 2025).hazardWeight()).thenComparing(Employee::employeeId));
        Set<String> expected = new HashSet<>();
        byRatio.subList(0, rif).forEach(e -> expected.add(e.employeeId()));
        assertThat(laidOff).isEqualTo(expected);
    }
}
