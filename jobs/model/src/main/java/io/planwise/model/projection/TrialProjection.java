package io.planwise.model.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;

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
 * at all. Cost: about 0.25 µs per employee-year only counted, plus the rows a detail trial writes.
 *
 * <p><b>In shards.</b> A trial can also be split ({@link #inShards}): each shard holds, projects
 * and writes only the employees it owns, and the shards exchange their parts of each year's
 * facts ({@link ShardAgreement}) — the population, then the experienced terminations, then (in a
 * shrinking year) the reduction-in-force candidates — and of the ledger at the end. The
 * new-hire-termination cutoff needs only the hire slots, so every shard ranks them itself. Every
 * shard therefore sees the facts of the whole trial and returns the whole trial's checks.
 */
public final class TrialProjection {
    /** Where a detail trial's rows go: every row of the employees this task projects. */
    public interface DetailRows {
        void event(YearlyEvent event);

        void snapshot(WorkforceSnapshot snapshot);

        /** Every row of this year has been given; the next rows are of the next year. */
        default void yearWritten(int year) {
        }
    }

    private final ProjectionParameters p;
    private final CensusAccounting census;
    private ObjLongConsumer<NeedsPlan> onYear = (needs, employeeYears) -> { };
    private TrialShard shard = TrialShard.WHOLE;
    private ShardAgreement agreement = ShardAgreement.ALONE;

    /** @param p the parameters of the trial to run ({@link ProjectionParameters#forTrial}) */
    public TrialProjection(ProjectionParameters p, CensusAccounting census) {
        this.p = p;
        this.census = census;
    }

    /**
     * Called after each year with its needs and the employee-years this task projected in it (its
     * shard's start-of-year workforce and hires), for progress lines and metrics.
     */
    public TrialProjection onYear(ObjLongConsumer<NeedsPlan> listener) {
        this.onYear = listener;
        return this;
    }

    /** Projects only the employees of {@code shard}, agreeing on the year's facts with the other shards. */
    public TrialProjection inShards(TrialShard shard, ShardAgreement agreement) {
        this.shard = shard;
        this.agreement = agreement;
        return this;
    }

    /**
     * Runs every year of the trial from the baseline.
     *
     * @param baseline the whole baseline; a shard keeps the employees it owns
     * @param detail where events and snapshot rows go, or null when the trial writes none
     * @return the whole trial's needs, summary and checks
     */
    public RunChecks run(List<BaselineEmployee> baseline, DetailRows detail) {
        RunLedger ledger = new RunLedger(p);
        Map<Integer, NeedsPlan> needs = new TreeMap<>();
        Map<Integer, Population> populations = new TreeMap<>();
        Workforce workforce = new Workforce(baseline.size() / shard.count());
        for (BaselineEmployee b : baseline) {
            if (shard.owns(b.employeeId())) {
                workforce.add(b.inTrial(p.draws));
            }
        }
        for (int year = p.startYear; year <= p.endYear; year++) {
            long previousDecember31 = YearCalendar.december31(year - 1).toEpochDay();
            YearPlan plan = plan(workforce, year, previousDecember31);
            needs.put(year, plan.needs());
            populations.put(year, plan.population());
            Workforce next = new Workforce((int) (plan.needs().target() / shard.count()) + 16);
            // Rows are made only in a trial whose rows are written; every employee-year of another
            // trial is only counted into the ledger, the same way.
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
            long employeeYears = workforce.size();
            if (detail != null) {
                EmployeeYear building = new EmployeeYear(p, plan);
                for (int i = 0; i < workforce.size(); i++) {
                    building.project(StartOfYear.of(p, workforce.get(i), year, previousDecember31), sink);
                }
            } else {
                EmployeeYear counting = EmployeeYear.counting(p, plan, ledger, next::add);
                for (int i = 0; i < workforce.size(); i++) {
                    counting.project(StartOfYear.of(p, workforce.get(i), year, previousDecember31));
                }
            }
            NewHires hiring = detail != null ? new NewHires(p, plan) : NewHires.counting(p, plan, ledger, next::add);
            for (long slot = 1; slot <= plan.needs().hires(); slot++) {
                if (shard.isWhole() || shard.owns(NewHires.slotId(p, year, slot))) {
                    employeeYears++;
                    if (detail != null) {
                        hiring.hire(slot, sink);
                    } else {
                        hiring.hire(slot);
                    }
                }
            }
            if (detail != null) {
                detail.yearWritten(year);
            }
            onYear.accept(plan.needs(), employeeYears);
            workforce = next;
        }
        return new RunChecks(p, agreement.agree("ledger", p.endYear, ledger), needs, populations, census);
    }

    /**
     * The year's whole-workforce facts: population, experienced terminations, needs and both cutoffs,
     * each agreed with the other shards as soon as this shard's part is known.
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
        population = agreement.agree("population", year, population);
        boolean[] leaves = new boolean[n];
        long terminated = 0;
        for (int i = 0; i < n; i++) {
            if (StartOfYear.of(p, workforce.get(i), year, previousDecember31).terminatesExperienced(p, population)) {
                leaves[i] = true;
                terminated++;
            }
        }
        terminated = agreement.agree("experienced terminations", year, new Count(terminated)).value();
        NeedsPlan needs = NeedsPlan.of(p, year, population, terminated);
        RankKey rifCutoff = null;
        if (needs.reductionInForce() > 0) {
            SmallestRanks rif = new SmallestRanks(needs.reductionInForce());
            for (int i = 0; i < n; i++) {
                if (!leaves[i]) {
                    rif.offer(StartOfYear.of(p, workforce.get(i), year, previousDecember31).reductionInForceRank());
                }
            }
            rifCutoff = agreement.agree("reduction in force", year, rif).cutoff();
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
