package io.planwise.model.projection;

import io.planwise.model.draw.DrawStream;
import io.planwise.model.draw.RandomDraws;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The H new hires of year Y (MODEL.md section 3). Slot i is a pure function of (plan, i): its id
 * NH_Y_00000i, level from {@link HireLevels}, age from the hire-age distribution, birth and hire
 * dates and a pay step from their own draw streams. So slots can be generated in any task and in
 * any order, and the new-hire-termination ranking needs only each slot's id and draw(9).
 */
public final class NewHires {
    private final ProjectionParameters p;
    private final YearPlan plan;
    private final HireLevels levels;
    private final YearRows rows;

    /** Builds each hire's rows for an {@link OutcomeSink}. */
    public NewHires(ProjectionParameters p, YearPlan plan) {
        this(p, plan, new YearRows.Building(p, plan.year()));
    }

    private NewHires(ProjectionParameters p, YearPlan plan, YearRows rows) {
        this.p = p;
        this.plan = plan;
        this.rows = rows;
        this.levels = new HireLevels(p, plan.population(), plan.needs().hires());
    }

    public static String employeeId(int year, long slot) {
        String digits = Long.toString(slot);
        return "NH_" + year + "_" + (digits.length() >= 6 ? digits : "0".repeat(6 - digits.length()) + digits);
    }

    /** The id of hire slot {@code slot} of {@code year}, from the run's cache of hire identities. */
    static String slotId(ProjectionParameters p, int year, long slot) {
        HireIdentities hires = p.hireIdentities();
        hires.ensure(year, slot);
        return hires.id(year, slot);
    }

    /** The rank that decides which hires leave within the year: smallest draw(9) first. */
    public static RankKey terminationRank(ProjectionParameters p, int year, long slot) {
        String id = slotId(p, year, slot);
        long base = p.draws.employeeBase(p.hireIdentities().key(year, slot));
        return new RankKey(RandomDraws.draw(base, year, DrawStream.NEW_HIRE_TERMINATION_RANK), id);
    }

    /** Counts each hire into the ledger, without rows; hires still active go to next. */
    static NewHires counting(ProjectionParameters p, YearPlan plan, RunLedger ledger, Consumer<Employee> next) {
        return new NewHires(p, plan, new YearRows.Counting(p, plan.year(), ledger, next));
    }

    public void hire(long slot, OutcomeSink sink) {
        ((YearRows.Building) rows).to(sink);
        hire(slot);
    }

    /** Hire slot into this instance's rows. */
    void hire(long slot) {
        String id = slotId(p, rows.year, slot);
        long base = p.draws.employeeBase(p.hireIdentities().key(rows.year, slot));
        int level = levels.levelOfSlot(slot);

        int age = p.hireAges[RandomDraws.categorical(RandomDraws.draw(base, rows.year, DrawStream.HIRE_AGE),
                p.hireAgeWeights, p.hireAgeTotal)];
        int birthYear = rows.year - age;
        LocalDate birth = YearCalendar.january1(birthYear).plusDays(RandomDraws.below(
                RandomDraws.draw(base, rows.year, DrawStream.HIRE_BIRTHDAY), YearCalendar.daysIn(birthYear)));
        LocalDate hired = rows.january1.plusDays(RandomDraws.below(RandomDraws.draw(base, rows.year, DrawStream.HIRE_DATE), rows.daysInYear));
        long step = 91 + 2 * RandomDraws.below(RandomDraws.draw(base, rows.year, DrawStream.HIRE_PAY_STEP), 10);
        long salary = Cents.divideRounded(p.hireAverageCents(rows.year, level) * step, 100);
        Employee employee = new Employee(id, base, birth, hired, salary, level);

        int eventAge = rows.year - birth.getYear();
        rows.event(employee, eventAge, YearlyEvent.HIRE, YearlyEvent.CATEGORY_HIRE, hired, salary, null, level, null, null, 1);

        RankKey rank = new RankKey(RandomDraws.draw(base, rows.year, DrawStream.NEW_HIRE_TERMINATION_RANK), id);
        if (SmallestRanks.selected(rank, plan.newHireTerminationCutoff())) {
            long daysEmployable = rows.december31Day - employee.hireDay() + 1;
            long daysWorked = RandomDraws.below(RandomDraws.draw(base, rows.year, DrawStream.NEW_HIRE_TERMINATION_DATE),
                    daysEmployable);
            LocalDate left = hired.plusDays(daysWorked);
            rows.event(employee, eventAge, YearlyEvent.TERMINATION, YearlyEvent.CATEGORY_NEW_HIRE_TERMINATION, left, salary,
                    null, level, null, null, 2);
            long prorated = Cents.divideRounded(salary * (daysWorked + 1), rows.daysInYear);
            rows.snapshot(employee, WorkforceSnapshot.TERMINATED, WorkforceSnapshot.NEW_HIRE_TERMINATION, left,
                    YearlyEvent.CATEGORY_NEW_HIRE_TERMINATION, salary, prorated, level, null);
        } else {
            long prorated = Cents.divideRounded(salary * (rows.december31Day - employee.hireDay() + 1), rows.daysInYear);
            rows.snapshot(employee, WorkforceSnapshot.ACTIVE, WorkforceSnapshot.NEW_HIRE_ACTIVE, null, null, salary,
                    prorated, level, employee);
        }
    }
}
