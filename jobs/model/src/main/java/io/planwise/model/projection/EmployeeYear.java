package io.planwise.model.projection;

import io.planwise.model.draw.DrawStream;
import io.planwise.model.draw.RandomDraws;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * One year of one employee of the start-of-year workforce (MODEL.md section 3): experienced
 * termination, else reduction in force, else promotion (Feb 1) and merit + COLA raise (Jul 15);
 * then the events in event order, the year-end snapshot with prorated pay, and next year's start.
 * A pure function of the employee and the {@link YearPlan}, so any task can compute any employee.
 * The rows are built ({@link #project(StartOfYear, OutcomeSink)}) or only counted
 * ({@link #counting}); the decisions are the same code either way.
 */
public final class EmployeeYear {
    private final ProjectionParameters p;
    private final YearPlan plan;
    private final YearRows rows;

    /** Builds each employee-year's rows for an {@link OutcomeSink}. */
    public EmployeeYear(ProjectionParameters p, YearPlan plan) {
        this(p, plan, new YearRows.Building(p, plan.year()));
    }

    private EmployeeYear(ProjectionParameters p, YearPlan plan, YearRows rows) {
        this.p = p;
        this.plan = plan;
        this.rows = rows;
    }

    /** Counts each employee-year into the ledger, without rows; continuing employees go to next. */
    static EmployeeYear counting(ProjectionParameters p, YearPlan plan, RunLedger ledger, Consumer<Employee> next) {
        return new EmployeeYear(p, plan, new YearRows.Counting(p, plan.year(), ledger, next));
    }

    /** @param start the employee at the start of this year ({@link StartOfYear#of}) */
    public void project(StartOfYear start, OutcomeSink sink) {
        ((YearRows.Building) rows).to(sink);
        project(start);
    }

    /** The employee's year into this instance's rows. */
    void project(StartOfYear start) {
        Employee e = start.employee();
        double terminationProbability = start.terminationProbability(p, plan.population());
        boolean experienced = RandomDraws.uniform(e.drawBase(), rows.year, DrawStream.TERMINATION) < terminationProbability;
        boolean laidOff = !experienced && SmallestRanks.selected(start.reductionInForceRank(), plan.reductionInForceCutoff());
        if (experienced || laidOff) {
            terminate(e, start, experienced ? YearlyEvent.CATEGORY_EXPERIENCED_TERMINATION
                    : YearlyEvent.CATEGORY_REDUCTION_IN_FORCE, experienced ? terminationProbability : null);
        } else {
            continueEmployment(e, start);
        }
    }

    private void terminate(Employee e, StartOfYear start, String category, Double probability) {
        long dayOfYear = RandomDraws.below(RandomDraws.draw(e.drawBase(), rows.year, DrawStream.TERMINATION_DATE),
                rows.daysInYear);
        LocalDate date = rows.january1.plusDays(dayOfYear);
        rows.event(e, start.age(), YearlyEvent.TERMINATION, category, date, e.salaryCents(), null, e.levelId(), null,
                probability, 1);
        long prorated = Cents.divideRounded(e.salaryCents() * (dayOfYear + 1), rows.daysInYear);
        rows.snapshot(e, WorkforceSnapshot.TERMINATED, WorkforceSnapshot.EXPERIENCED_TERMINATION, date, category,
                e.salaryCents(), prorated, e.levelId(), null);
    }

    private void continueEmployment(Employee e, StartOfYear start) {
        int sequence = 0;
        long salary = e.salaryCents();
        int level = e.levelId();
        long payDays = 0; // sum of salary x days in effect, exact
        long periodStart = rows.january1Day;

        if (level < p.maxLevelId() && start.tenure() >= 1 && start.age() < 65) {
            double probability = Math.min(1.0, Hazards.promotion(p, start.age(), start.tenure(), level));
            if (RandomDraws.uniform(e.drawBase(), rows.year, DrawStream.PROMOTION) < probability) {
                double u = RandomDraws.uniform(e.drawBase(), rows.year, DrawStream.PROMOTION_PCT);
                double pct = Math.min(p.promotionBaseIncreasePct + ((u - 0.5) * 2) * p.promotionDistributionRange,
                        p.promotionMaxCapPct);
                long promoted = Math.min(Cents.round(salary * (1 + pct)), salary + p.promotionMaxCapCents);
                int newLevel = p.levelId(p.levelIndex(level) + 1);
                payDays += salary * (rows.promotionDay - periodStart);
                periodStart = rows.promotionDay;
                rows.event(e, start.age(), YearlyEvent.PROMOTION, YearlyEvent.CATEGORY_PROMOTION, rows.promotionDate, promoted, salary,
                        newLevel, level, probability, ++sequence);
                salary = promoted;
                level = newLevel;
            }
        }

        double rate = p.merit(rows.year, level) + p.cola(rows.year, level);
        long raised = Cents.round(salary * (1 + rate));
        payDays += salary * (rows.raiseDay - periodStart);
        rows.event(e, start.age(), YearlyEvent.RAISE, YearlyEvent.CATEGORY_MERIT_COLA, rows.raiseDate, raised, salary, level,
                level, null, ++sequence);
        salary = raised;
        payDays += salary * (rows.december31Day - rows.raiseDay + 1);

        long prorated = Cents.divideRounded(payDays, rows.daysInYear);
        rows.snapshot(e, WorkforceSnapshot.ACTIVE, WorkforceSnapshot.CONTINUOUS_ACTIVE, null, null, salary, prorated, level,
                e.carriedForward(salary, level));
    }
}
