package io.planwise.model.projection;

import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;

/**
 * Counts taken from the mart rows themselves (events and snapshots), by year and level, from
 * which the summary mart is built and the invariants are checked. Exact integers only.
 */
public final class RunLedger implements ShardFact<RunLedger> {
    private static final long serialVersionUID = 1L;

    static final int EXPERIENCED_TERMINATIONS = 0;
    static final int NEW_HIRE_TERMINATIONS = 1;
    static final int RIF_TERMINATIONS = 2;
    static final int HIRES = 3;
    static final int PROMOTIONS_IN = 4;
    static final int PROMOTIONS_OUT = 5;
    static final int ENDING_HEADCOUNT = 6;
    static final int ENDING_COMPENSATION = 7;
    static final int PRORATED_COST = 8;
    static final int SNAPSHOT_ROWS = 9;
    static final int EVENTS_OUTSIDE_YEAR = 10;
    static final int TERMINATED_BEFORE_HIRE = 11;
    static final int FIELDS = 12;

    public int startYear;
    public int years;
    public int[] levelIds;
    public long[] cells;

    public RunLedger() {}

    public RunLedger(ProjectionParameters p) {
        this.startYear = p.startYear;
        this.years = p.years();
        this.levelIds = p.levelIds.clone();
        this.cells = new long[years * levelIds.length * FIELDS];
    }

    @Override
    public RunLedger merge(RunLedger other) {
        RunLedger sum = new RunLedger();
        sum.startYear = startYear;
        sum.years = years;
        sum.levelIds = levelIds.clone();
        sum.cells = cells.clone();
        for (int i = 0; i < cells.length; i++) {
            sum.cells[i] = Math.addExact(sum.cells[i], other.cells[i]);
        }
        return sum;
    }

    private int levelIndex(int levelId) {
        // Five or so levels, looked up for every row: the common case first.
        if (levelId >= 1 && levelId <= levelIds.length && levelIds[levelId - 1] == levelId) {
            return levelId - 1;
        }
        for (int i = 0; i < levelIds.length; i++) {
            if (levelIds[i] == levelId) {
                return i;
            }
        }
        throw new IllegalArgumentException("level " + levelId + " is not in the job level table");
    }

    private int cell(int year, int levelId, int field) {
        return ((year - startYear) * levelIds.length + levelIndex(levelId)) * FIELDS + field;
    }

    public long get(int year, int levelId, int field) {
        return cells[cell(year, levelId, field)];
    }

    public long total(int year, int field) {
        long sum = 0;
        for (int id : levelIds) {
            sum += get(year, id, field);
        }
        return sum;
    }

    /** Sum of the year-end salaries of the year's active employees, in cents. */
    public long endingPayrollCents(int year) {
        return total(year, ENDING_COMPENSATION);
    }

    public void add(YearlyEvent e) {
        countEvent(e.simulationYear(), e.eventCategory(), e.levelId(), e.previousLevelId(), e.effectiveDate().getYear());
    }

    public void add(WorkforceSnapshot s) {
        countSnapshot(s.simulationYear(), s.levelId(), s.active(), s.currentCompensationCents(),
                s.proratedAnnualCompensationCents(), !s.active() && s.terminationDate().isBefore(s.employeeHireDate()));
    }

    /** What one event row counts for: its category at its level (a promotion also out of the previous level). */
    void countEvent(int y, String category, int levelId, Integer previousLevelId, int effectiveYear) {
        if (effectiveYear != y) {
            cells[cell(y, levelId, EVENTS_OUTSIDE_YEAR)]++;
        }
        switch (category) {
            case YearlyEvent.CATEGORY_EXPERIENCED_TERMINATION -> cells[cell(y, levelId, EXPERIENCED_TERMINATIONS)]++;
            case YearlyEvent.CATEGORY_NEW_HIRE_TERMINATION -> cells[cell(y, levelId, NEW_HIRE_TERMINATIONS)]++;
            case YearlyEvent.CATEGORY_REDUCTION_IN_FORCE -> cells[cell(y, levelId, RIF_TERMINATIONS)]++;
            case YearlyEvent.CATEGORY_HIRE -> cells[cell(y, levelId, HIRES)]++;
            case YearlyEvent.CATEGORY_PROMOTION -> {
                cells[cell(y, levelId, PROMOTIONS_IN)]++;
                cells[cell(y, previousLevelId, PROMOTIONS_OUT)]++;
            }
            default -> { }
        }
    }

    /** What one snapshot row counts for. */
    void countSnapshot(int y, int levelId, boolean active, long salaryCents, long proratedCents,
            boolean terminatedBeforeHire) {
        cells[cell(y, levelId, SNAPSHOT_ROWS)]++;
        cells[cell(y, levelId, PRORATED_COST)] += proratedCents;
        if (active) {
            cells[cell(y, levelId, ENDING_HEADCOUNT)]++;
            cells[cell(y, levelId, ENDING_COMPENSATION)] += salaryCents;
        } else if (terminatedBeforeHire) {
            cells[cell(y, levelId, TERMINATED_BEFORE_HIRE)]++;
        }
    }
}
