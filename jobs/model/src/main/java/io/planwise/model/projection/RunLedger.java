package io.planwise.model.projection;

import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.util.Arrays;

/**
 * Counts taken from the mart rows themselves (events and snapshots), by year and level, from
 * which the summary mart is built and the invariants are checked. Exact integers only, so partial
 * ledgers from parallel tasks merge to the same totals in any order.
 */
public final class RunLedger {
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

    private int levelIndex(int levelId) {
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
        int y = e.simulationYear();
        if (e.effectiveDate().getYear() != y) {
            cells[cell(y, e.levelId(), EVENTS_OUTSIDE_YEAR)]++;
        }
        switch (e.eventCategory()) {
            case YearlyEvent.CATEGORY_EXPERIENCED_TERMINATION -> cells[cell(y, e.levelId(), EXPERIENCED_TERMINATIONS)]++;
            case YearlyEvent.CATEGORY_NEW_HIRE_TERMINATION -> cells[cell(y, e.levelId(), NEW_HIRE_TERMINATIONS)]++;
            case YearlyEvent.CATEGORY_REDUCTION_IN_FORCE -> cells[cell(y, e.levelId(), RIF_TERMINATIONS)]++;
            case YearlyEvent.CATEGORY_HIRE -> cells[cell(y, e.levelId(), HIRES)]++;
            case YearlyEvent.CATEGORY_PROMOTION -> {
                cells[cell(y, e.levelId(), PROMOTIONS_IN)]++;
                cells[cell(y, e.previousLevelId(), PROMOTIONS_OUT)]++;
            }
            default -> { }
        }
    }

    public void add(WorkforceSnapshot s) {
        int y = s.simulationYear();
        cells[cell(y, s.levelId(), SNAPSHOT_ROWS)]++;
        cells[cell(y, s.levelId(), PRORATED_COST)] += s.proratedAnnualCompensationCents();
        if (s.active()) {
            cells[cell(y, s.levelId(), ENDING_HEADCOUNT)]++;
            cells[cell(y, s.levelId(), ENDING_COMPENSATION)] += s.currentCompensationCents();
        } else if (s.terminationDate().isBefore(s.employeeHireDate())) {
            cells[cell(y, s.levelId(), TERMINATED_BEFORE_HIRE)]++;
        }
    }

    public RunLedger merge(RunLedger other) {
        if (other.cells == null) {
            return this;
        }
        if (cells == null) {
            return other;
        }
        RunLedger merged = new RunLedger();
        merged.startYear = startYear;
        merged.years = years;
        merged.levelIds = levelIds;
        merged.cells = Arrays.copyOf(cells, cells.length);
        for (int i = 0; i < cells.length; i++) {
            merged.cells[i] += other.cells[i];
        }
        return merged;
    }
}
