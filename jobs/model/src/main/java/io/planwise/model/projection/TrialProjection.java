package io.planwise.model.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One trial's whole projection, every year, in one thread over an in-memory workforce: the steps of
 * this package in their order, with each whole-workforce fact (population, T, needs, the two
 * cutoffs) computed by a plain loop instead of an engine barrier. The result is the same as any
 * split of the work would give, because every step is the same pure function of the employee and
 * those exact facts.
 *
 * <p>Why a trial runs whole: the facts of year Y are needed before any employee's year Y, so a
 * distributed year costs several barriers; a trial's workforce (about 150 bytes an employee) fits
 * in one task, and an ensemble has many trials to spread, so whole trials per task need no barrier
 * at all. Cost: about 1 µs per employee-year, plus the rows a detail trial writes.
 */
public final class TrialProjection {
    /**
     * Where a detail trial's rows go. A task that writes only some employees' rows (one shard of a
     * trial computed in several tasks) says which ({@link #writes}); the ledger always counts every row.
     */
    public interface DetailRows {
        void event(YearlyEvent event);

        void snapshot(WorkforceSnapshot snapshot);

        /**
         * Whether this employee's rows are wanted here. The rows of the others are not made, only
         * counted into the trial's ledger, the same way as a trial without detail rows: a task that
         * writes one shard of a trial computed in several tasks builds only its shard's rows.
         */
        default boolean writes(String employeeId) {
            return true;
        }

        /** Every row of this year has been given; the next rows are of the next year. */
        default void yearWritten(int year) {
        }
    }

    private final ProjectionParameters p;
    private final CensusAccounting census;
    private Consumer<NeedsPlan> onYear = needs -> { };

    /** @param p the parameters of the trial to run ({@link ProjectionParameters#forTrial}) */
    public TrialProjection(ProjectionParameters p, CensusAccounting census) {
        this.p = p;
        this.census = census;
    }

    /** Called with each year's needs as soon as they are known (progress lines). */
    public TrialProjection onYear(Consumer<NeedsPlan> listener) {
        this.onYear = listener;
        return this;
    }

    /**
     * Runs every year of the trial from the baseline.
     *
     * @param detail where events and snapshot rows go, or null when the trial writes none
     * @return the trial's needs, summary and checks
     */
    public RunChecks run(List<BaselineEmployee> baseline, DetailRows detail) {
        RunLedger ledger = new RunLedger(p);
        Map<Integer, NeedsPlan> needs = new TreeMap<>();
        Map<Integer, Population> populations = new TreeMap<>();
        Workforce workforce = new Workforce(baseline.size());
        for (BaselineEmployee b : baseline) {
            workforce.add(b.inTrial(p.draws));
        }
        for (int year = p.startYear; year <= p.endYear; year++) {
            long previousDecember31 = YearCalendar.december31(year - 1).toEpochDay();
            YearPlan plan = plan(workforce, year, previousDecember31);
            needs.put(year, plan.needs());
            onYear.accept(plan.needs());
            populations.put(year, plan.population());
            Workforce next = new Workforce((int) plan.needs().target() + 16);
            // Rows are made only for the employees whose rows are written (none in a trial without
            // detail rows); every other employee-year is only counted into the ledger, the same way.
            OutcomeSink sink = (events, snapshot, nextYear) -> {
                for (YearlyEvent e : events) {
                    ledger.add(e);
                    detail.event(e);
                }
                ledger.add(snapshot);
                detail.snapshot(snapshot);
                if (nextYear != null) {
                    next.add(nextYear);
                }
            };
            EmployeeYear building = new EmployeeYear(p, plan);
            EmployeeYear counting = EmployeeYear.counting(p, plan, ledger, next::add);
            for (int i = 0; i < workforce.size(); i++) {
                Employee e = workforce.get(i);
                StartOfYear start = StartOfYear.of(p, e, year, previousDecember31);
                if (detail != null && detail.writes(e.employeeId())) {
                    building.project(start, sink);
                } else {
                    counting.project(start);
                }
            }
            NewHires hiring = new NewHires(p, plan);
            NewHires counted = NewHires.counting(p, plan, ledger, next::add);
            for (long slot = 1; slot <= plan.needs().hires(); slot++) {
                if (detail != null && detail.writes(NewHires.slotId(p, year, slot))) {
                    hiring.hire(slot, sink);
                } else {
                    counted.hire(slot);
                }
            }
            if (detail != null) {
                detail.yearWritten(year);
            }
            workforce = next;
        }
        return new RunChecks(p, ledger, needs, populations, census);
    }

    /**
     * The year's whole-workforce facts: population, experienced terminations, needs and both cutoffs.
     * Each pass derives an employee's start of year again instead of keeping one per employee: it is
     * a few integer operations, while a million of them held through the year outlived the young
     * generation and were copied by every collection until the year ended.
     */
    private YearPlan plan(Workforce workforce, int year, long previousDecember31) {
        int n = workforce.size();
        Population population = Population.empty(p.levelCount());
        for (int i = 0; i < n; i++) {
            population.add(p, StartOfYear.of(p, workforce.get(i), year, previousDecember31));
        }
        boolean[] leaves = new boolean[n];
        long terminated = 0;
        for (int i = 0; i < n; i++) {
            if (StartOfYear.of(p, workforce.get(i), year, previousDecember31).terminatesExperienced(p, population)) {
                leaves[i] = true;
                terminated++;
            }
        }
        NeedsPlan needs = NeedsPlan.of(p, year, population, terminated);
        RankKey rifCutoff = null;
        if (needs.reductionInForce() > 0) {
            SmallestRanks rif = new SmallestRanks(needs.reductionInForce());
            for (int i = 0; i < n; i++) {
                if (!leaves[i]) {
                    rif.offer(StartOfYear.of(p, workforce.get(i), year, previousDecember31).reductionInForceRank());
                }
            }
            rifCutoff = rif.cutoff();
        }
        RankKey nhtCutoff = null;
        if (needs.newHireTerminations() > 0) {
            SmallestRanks nht = new SmallestRanks(needs.newHireTerminations());
            for (long slot = 1; slot <= needs.hires(); slot++) {
                nht.offer(NewHires.terminationRank(p, year, slot));
            }
            nhtCutoff = nht.cutoff();
        }
        return new YearPlan(year, population, needs, rifCutoff, nhtCutoff);
    }
}
