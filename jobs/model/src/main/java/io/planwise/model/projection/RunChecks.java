package io.planwise.model.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.mart.QualityCheck;
import io.planwise.model.mart.WorkforceNeeds;
import io.planwise.model.mart.WorkforceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what a run produced into the needs and summary marts and evaluates the invariants of
 * MODEL.md section 5 on it. Each check compares numbers that were counted independently: needs
 * from the year plans, ledgers from the mart rows, populations from the start-of-year workforce.
 */
public final class RunChecks {
    private final ProjectionParameters p;
    private final RunLedger ledger;
    private final Map<Integer, NeedsPlan> needs;
    private final Map<Integer, Population> populations;
    private final CensusAccounting census;
    private final List<QualityCheck> checks = new ArrayList<>();

    /**
     * Every check, in the order a year lists them; the SQL engine orders its dq_checks rows by this
     * list, so both engines' run records agree.
     */
    public static final List<String> NAMES = List.of("census_accounting", "year_completed", "ending_equals_target",
            "start_equals_previous_end", "one_snapshot_row_per_employee", "events_explain_snapshot", "event_dates_valid",
            "terminations_match_needs");

    public RunChecks(ProjectionParameters p, RunLedger ledger, Map<Integer, NeedsPlan> needs,
            Map<Integer, Population> populations, CensusAccounting census) {
        this.p = p;
        this.ledger = ledger;
        this.needs = needs;
        this.populations = populations;
        this.census = census;
        evaluate();
    }

    private void evaluate() {
        check(p.startYear, "census_accounting", census.balanced(), String.format(
                "rows read %d = baseline %d + terminated_before_start %d + not_yet_hired %d + rejected %d",
                census.rowsRead(), census.baseline(), census.terminatedBeforeStart(), census.notYetHired(),
                census.rejected()));
        for (int y = p.startYear; y <= p.endYear; y++) {
            NeedsPlan plan = needs.get(y);
            Population start = populations.get(y);
            if (plan == null || start == null) {
                check(y, "year_completed", false, "year " + y + " produced no workforce plan");
                continue;
            }
            long ending = ledger.total(y, RunLedger.ENDING_HEADCOUNT);
            check(y, "ending_equals_target", ending == plan.target(),
                    "ending actives " + ending + ", target " + plan.target());
            long expectedStart = y == p.startYear ? census.baseline() : ledger.total(y - 1, RunLedger.ENDING_HEADCOUNT);
            check(y, "start_equals_previous_end", start.headcount() == expectedStart,
                    "start of year " + start.headcount() + ", expected " + expectedStart);
            long rows = ledger.total(y, RunLedger.SNAPSHOT_ROWS);
            check(y, "one_snapshot_row_per_employee", rows == start.headcount() + plan.hires(),
                    "snapshot rows " + rows + " = start " + start.headcount() + " + hires " + plan.hires());
            check(y, "events_explain_snapshot", levelFlowsBalance(y, start), "per level: start + hires + "
                    + "promotions in - promotions out - terminations = ending actives");
            long outside = ledger.total(y, RunLedger.EVENTS_OUTSIDE_YEAR);
            long beforeHire = ledger.total(y, RunLedger.TERMINATED_BEFORE_HIRE);
            check(y, "event_dates_valid", outside == 0 && beforeHire == 0,
                    outside + " events dated outside the year, " + beforeHire + " terminations before hire");
            check(y, "terminations_match_needs", ledger.total(y, RunLedger.EXPERIENCED_TERMINATIONS)
                    == plan.experiencedTerminations() && ledger.total(y, RunLedger.NEW_HIRE_TERMINATIONS)
                    == plan.newHireTerminations() && ledger.total(y, RunLedger.RIF_TERMINATIONS) == plan.reductionInForce()
                    && ledger.total(y, RunLedger.HIRES) == plan.hires(), "terminations and hires by category equal the plan");
        }
    }

    private boolean levelFlowsBalance(int year, Population start) {
        long[] startByLevel = start.headcountByLevel();
        for (int i = 0; i < p.levelCount(); i++) {
            int id = p.levelId(i);
            long end = (i < startByLevel.length ? startByLevel[i] : 0) + ledger.get(year, id, RunLedger.HIRES)
                    + ledger.get(year, id, RunLedger.PROMOTIONS_IN) - ledger.get(year, id, RunLedger.PROMOTIONS_OUT)
                    - ledger.get(year, id, RunLedger.EXPERIENCED_TERMINATIONS)
                    - ledger.get(year, id, RunLedger.NEW_HIRE_TERMINATIONS)
                    - ledger.get(year, id, RunLedger.RIF_TERMINATIONS);
            if (end != ledger.get(year, id, RunLedger.ENDING_HEADCOUNT)) {
                return false;
            }
        }
        return true;
    }

    private void check(int year, String name, boolean passed, String detail) {
        if (!NAMES.contains(name)) {
            throw new IllegalStateException("check " + name + " is missing from RunChecks.NAMES");
        }
        checks.add(new QualityCheck(p.scenarioId, p.trial, year, name, passed, detail));
    }

    public List<QualityCheck> checks() {
        return checks;
    }

    public List<String> failures() {
        return checks.stream().filter(c -> !c.passed())
                .map(c -> c.simulationYear() + " " + c.checkName() + ": " + c.detail()).toList();
    }

    public List<WorkforceNeeds> needsRows() {
        List<WorkforceNeeds> rows = new ArrayList<>();
        needs.values().stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).forEach(n -> rows.add(
                new WorkforceNeeds(p.scenarioId, p.trial, n.year(), n.startingWorkforce(), n.target(),
                        n.experiencedTerminations(), n.hires(), n.newHireTerminations(), n.reductionInForce(),
                        ledger.total(n.year(), RunLedger.ENDING_HEADCOUNT), n.terminationCalibration(p))));
        return rows;
    }

    public List<WorkforceSummary> summaryRows() {
        List<WorkforceSummary> rows = new ArrayList<>();
        for (int y = p.startYear; y <= p.endYear; y++) {
            Population start = populations.get(y);
            long[] startByLevel = start == null ? new long[0] : start.headcountByLevel();
            for (int i = 0; i < p.levelCount(); i++) {
                int id = p.levelId(i);
                long ending = ledger.get(y, id, RunLedger.ENDING_HEADCOUNT);
                long total = ledger.get(y, id, RunLedger.ENDING_COMPENSATION);
                rows.add(new WorkforceSummary(p.scenarioId, p.trial, y, id, i < startByLevel.length ? startByLevel[i] : 0,
                        ledger.get(y, id, RunLedger.EXPERIENCED_TERMINATIONS),
                        ledger.get(y, id, RunLedger.NEW_HIRE_TERMINATIONS), ledger.get(y, id, RunLedger.RIF_TERMINATIONS),
                        ledger.get(y, id, RunLedger.HIRES), ledger.get(y, id, RunLedger.PROMOTIONS_IN),
                        ledger.get(y, id, RunLedger.PROMOTIONS_OUT), ending, total,
                        ending == 0 ? 0 : Cents.divideRounded(total, ending), ledger.get(y, id, RunLedger.PRORATED_COST)));
            }
        }
        return rows;
    }
}
