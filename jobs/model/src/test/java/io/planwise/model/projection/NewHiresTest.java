package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.draw.DrawStream;
import io.planwise.model.draw.RandomDraws;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MODEL.md section 3, "New hires" and "New-hire terminations". */
class NewHiresTest {
    private static final String EVENT_ID = "EVT_[0-9a-f]{16}";
    private static final RankKey SELECT_ALL = new RankKey(-1L, "\uffff");
    private static final ProjectionParameters P = Fixtures.params("simulation:\n  start_year: 2025\n  end_year: 2025\n");

    /** Bundled new-hire ages and their weights x 10^6: 22 .05, 25 .15, 28 .20, 32 .25, 35 .15, 40 .10, 45 .08, 50 .02. */
    private static final int[] AGES = {22, 25, 28, 32, 35, 40, 45, 50};
    private static final long[] AGE_MICROS = {50_000, 150_000, 200_000, 250_000, 150_000, 100_000, 80_000, 20_000};

    /** Start-of-year headcount by level [3, 1, 0, 0, 0]; H hires of which nht leave (cutoff given). */
    private static YearPlan plan(long hires, long nht, RankKey nhtCutoff) {
        Population population = new Population(4, 1, new long[] {3, 1, 0, 0, 0});
        NeedsPlan needs = new NeedsPlan(2025, 4, 1, 0, 4 + hires - nht, hires, nht, 0);
        return new YearPlan(2025, population, needs, null, nhtCutoff);
    }

    private static int expectedAge(long base) {
        long r = Long.remainderUnsigned(RandomDraws.draw(base, 2025, DrawStream.HIRE_AGE), 1_000_000);
        long cumulative = 0;
        for (int i = 0; i < AGES.length; i++) {
            cumulative += AGE_MICROS[i];
            if (cumulative > r) {
                return AGES[i];
            }
        }
        throw new AssertionError("weights sum to 10^6");
    }

    @Test
    void idsAreNhYearAndSixDigits() {
        assertThat(NewHires.employeeId(2025, 1)).isEqualTo("NH_2025_000001");
        assertThat(NewHires.employeeId(2026, 42)).isEqualTo("NH_2026_000042");
        assertThat(NewHires.employeeId(2030, 999_999)).isEqualTo("NH_2030_999999");
    }

    @Test
    void anActiveHire() {
        // slots: weights [3, 1], H = 4 -> levels [1, 1, 1, 2]
        NewHires hires = new NewHires(P, plan(4, 0, null));
        for (int slot = 1; slot <= 4; slot++) {
            Fixtures.Capture sink = new Fixtures.Capture();
            hires.hire(slot, sink);
            String id = NewHires.employeeId(2025, slot);
            long base = P.draws.employeeBase(id);
            int level = slot <= 3 ? 1 : 2;

            List<YearlyEvent> events = sink.onlyEvents();
            assertThat(events).hasSize(1);
            YearlyEvent hire = events.get(0);
            assertThat(hire.employeeId()).isEqualTo(id).matches("NH_2025_[0-9]{6}");
            assertThat(hire.eventType()).isEqualTo("hire");
            assertThat(hire.eventCategory()).isEqualTo("hire");
            assertThat(hire.eventSequence()).isEqualTo(1);
            assertThat(hire.levelId()).isEqualTo(level);
            assertThat(hire.eventProbability()).isNull();
            assertThat(hire.previousCompensationCents()).isNull();
            assertThat(hire.eventId()).matches(EVENT_ID).isEqualTo(RandomDraws.eventId(base, 2025, 1));

            // hire date = Jan 1 + (draw(7) mod 365)
            LocalDate hired = LocalDate.of(2025, 1, 1)
                    .plusDays(Long.remainderUnsigned(RandomDraws.draw(base, 2025, DrawStream.HIRE_DATE), 365));
            assertThat(hire.effectiveDate()).isEqualTo(hired);
            assertThat(hire.employeeTenure()).isZero();

            // age from stream 5; birth = Jan 1 of (2025 - age) + (draw(6) mod days in that year)
            int age = expectedAge(base);
            int birthYear = 2025 - age;
            LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(Long.remainderUnsigned(
                    RandomDraws.draw(base, 2025, DrawStream.HIRE_BIRTHDAY), LocalDate.of(birthYear, 1, 1).lengthOfYear()));
            assertThat(hire.employeeAge()).isEqualTo(age);

            // pay: avg 5,810,000 (level 1) or 8,486,100 (level 2) cents x (91 + 2 x (draw(8) mod 10)) / 100,
            // exact because both averages are multiples of 100
            long step = 91 + 2 * Long.remainderUnsigned(RandomDraws.draw(base, 2025, DrawStream.HIRE_PAY_STEP), 10);
            long salary = (level == 1 ? 58_100L : 84_861L) * step;
            assertThat(hire.compensationAmountCents()).isEqualTo(salary);

            WorkforceSnapshot s = sink.onlySnapshot();
            assertThat(s.employmentStatus()).isEqualTo("active");
            assertThat(s.detailedStatusCode()).isEqualTo("new_hire_active");
            assertThat(s.employeeHireDate()).isEqualTo(hired);
            assertThat(s.employeeBirthDate()).isEqualTo(birth);
            assertThat(s.currentAge()).isEqualTo(age);
            assertThat(s.currentCompensationCents()).isEqualTo(salary);
            assertThat(s.levelId()).isEqualTo(level);
            // paid from the hire date through Dec 31
            long days = Fixtures.daysInclusive(hired, LocalDate.of(2025, 12, 31));
            assertThat(s.proratedAnnualCompensationCents()).isEqualTo(Fixtures.roundedQuotient(salary * days, 365));

            assertThat(sink.onlyNext()).isEqualTo(new Employee(id, base, birth, hired, salary, level));
        }
    }

    @Test
    void hirePayIsRoundedHalfUpToTheCent(@TempDir Path dir) throws IOException {
        // Level 1 percentile 0.0833125, market 1: avg = round((56000 + 24000 x 0.0833125) x 100) = 5,799,950 cents.
        // Every step 91 + 2k is odd, so avg x step ends in 50 and the division by 100 always has a half cent:
        // salary = (avg x step + 50) / 100 in integers.
        Files.writeString(dir.resolve("comp_levers.csv"), """
                scenario_id,fiscal_year,job_level,event_type,parameter_name,parameter_value
                default,2025,1,HIRE,compensation_percentile,0.0833125
                default,2025,1,HIRE,market_adjustment_multiplier,1.0
                """);
        ProjectionParameters p = Fixtures.params("simulation:\n  start_year: 2025\n  end_year: 2025\n",
                Assumptions.load(dir));
        assertThat(p.hireAverageCents(2025, 1)).isEqualTo(5_799_950L);
        Population population = new Population(1, 1, new long[] {1, 0, 0, 0, 0});
        NewHires hires = new NewHires(p, new YearPlan(2025, population, new NeedsPlan(2025, 1, 1, 0, 21, 20, 0, 0), null, null));
        for (int slot = 1; slot <= 20; slot++) {
            Fixtures.Capture sink = new Fixtures.Capture();
            hires.hire(slot, sink);
            long base = p.draws.employeeBase(NewHires.employeeId(2025, slot));
            long step = 91 + 2 * Long.remainderUnsigned(RandomDraws.draw(base, 2025, DrawStream.HIRE_PAY_STEP), 10);
            assertThat(sink.onlySnapshot().currentCompensationCents()).isEqualTo((5_799_950L * step + 50) / 100);
        }
    }

    @Test
    void everyHireIsPlausible() {
        int h = 500;
        NewHires hires = new NewHires(P, plan(h, 0, null));
        Set<String> ids = new HashSet<>();
        Set<Integer> agesSeen = new HashSet<>();
        for (int slot = 1; slot <= h; slot++) {
            Fixtures.Capture sink = new Fixtures.Capture();
            hires.hire(slot, sink);
            YearlyEvent hire = sink.onlyEvents().get(0);
            assertThat(ids.add(hire.employeeId())).isTrue();
            assertThat(hire.effectiveDate().getYear()).isEqualTo(2025);
            assertThat(AGES).contains(hire.employeeAge());
            agesSeen.add(hire.employeeAge());
            assertThat(sink.onlySnapshot().employeeBirthDate().getYear()).isEqualTo(2025 - hire.employeeAge());
            long avg = hire.levelId() == 1 ? 5_810_000L : 8_486_100L;
            assertThat(hire.compensationAmountCents()).isBetween(avg * 91 / 100, avg * 109 / 100);
        }
        // with 500 hires every age of the distribution shows up
        assertThat(agesSeen).containsExactlyInAnyOrder(22, 25, 28, 32, 35, 40, 45, 50);
    }

    @Test
    void aTerminatedHire() {
        NewHires hires = new NewHires(P, plan(4, 4, SELECT_ALL));
        for (int slot = 1; slot <= 4; slot++) {
            Fixtures.Capture sink = new Fixtures.Capture();
            hires.hire(slot, sink);
            String id = NewHires.employeeId(2025, slot);
            long base = P.draws.employeeBase(id);

            List<YearlyEvent> events = sink.onlyEvents();
            assertThat(events).extracting(YearlyEvent::eventType).containsExactly("hire", "termination");
            assertThat(events).extracting(YearlyEvent::eventSequence).containsExactly(1, 2);
            LocalDate hired = events.get(0).effectiveDate();
            YearlyEvent left = events.get(1);
            assertThat(left.eventCategory()).isEqualTo("new_hire_termination");
            assertThat(left.eventId()).matches(EVENT_ID).isEqualTo(RandomDraws.eventId(base, 2025, 4));
            assertThat(left.effectiveDate()).isBetween(hired, LocalDate.of(2025, 12, 31));
            // date = hire date + (draw(10) mod days(hire -> Dec 31, inclusive))
            long span = Fixtures.daysInclusive(hired, LocalDate.of(2025, 12, 31));
            assertThat(left.effectiveDate()).isEqualTo(hired.plusDays(Long.remainderUnsigned(
                    RandomDraws.draw(base, 2025, DrawStream.NEW_HIRE_TERMINATION_DATE), span)));
            assertThat(left.compensationAmountCents()).isEqualTo(events.get(0).compensationAmountCents());

            WorkforceSnapshot s = sink.onlySnapshot();
            assertThat(s.employmentStatus()).isEqualTo("terminated");
            assertThat(s.detailedStatusCode()).isEqualTo("new_hire_termination");
            assertThat(s.terminationDate()).isEqualTo(left.effectiveDate());
            assertThat(s.terminationReason()).isEqualTo("new_hire_termination");
            long salary = s.currentCompensationCents();
            long days = Fixtures.daysInclusive(hired, left.effectiveDate());
            assertThat(s.proratedAnnualCompensationCents()).isEqualTo(Fixtures.roundedQuotient(salary * days, 365));
            assertThat(sink.onlyNext()).isNull();
        }
    }

    @Test
    void exactlyTheNhtHiresWithTheSmallestDraw9Leave() {
        int h = 60;
        int nht = 17;
        SmallestRanks ranks = new SmallestRanks(nht);
        for (int slot = 1; slot <= h; slot++) {
            RankKey rank = NewHires.terminationRank(P, 2025, slot);
            String id = NewHires.employeeId(2025, slot);
            assertThat(rank).isEqualTo(new RankKey(
                    RandomDraws.draw(P.draws.employeeBase(id), 2025, DrawStream.NEW_HIRE_TERMINATION_RANK), id));
            ranks.offer(rank);
        }
        NewHires hires = new NewHires(P, plan(h, nht, ranks.cutoff()));
        Set<String> left = new HashSet<>();
        for (int slot = 1; slot <= h; slot++) {
            Fixtures.Capture sink = new Fixtures.Capture();
            hires.hire(slot, sink);
            if (sink.onlyNext() == null) {
                left.add(sink.onlySnapshot().employeeId());
            }
        }
        // oracle: sort the slots by draw(9) read unsigned
        List<String> byDraw = java.util.stream.IntStream.rangeClosed(1, h).mapToObj(i -> NewHires.employeeId(2025, i))
                .sorted((a, b) -> Long.compareUnsigned(
                        RandomDraws.draw(P.draws.employeeBase(a), 2025, DrawStream.NEW_HIRE_TERMINATION_RANK),
                        RandomDraws.draw(P.draws.employeeBase(b), 2025, DrawStream.NEW_HIRE_TERMINATION_RANK)))
                .toList();
        assertThat(left).hasSize(nht).containsExactlyInAnyOrderElementsOf(byDraw.subList(0, nht));
    }
}
