package io.planwise.api;

import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;

/**
 * The marts the endpoints read (MODEL.md section 4); names as they appear in manifests, taken from the
 * run contract ({@link ProjectionMarts}).
 */
final class Marts {
    static final String EVENTS = ProjectionMarts.EVENTS.name();
    static final String SNAPSHOT = ProjectionMarts.SNAPSHOT.name();
    static final String NEEDS = ProjectionMarts.NEEDS.name();
    static final String SUMMARY = ProjectionMarts.SUMMARY.name();
    static final String BANDS = ProjectionMarts.BANDS.name();
    static final String CHECKS = ProjectionMarts.CHECKS.name();
    static final String CENSUS_ISSUES = ProjectionMarts.CENSUS_ISSUES.name();

    /** The column every per-trial mart carries (MODEL.md section 6); trial 0 is the detail trial. */
    static final String TRIAL = column(ProjectionMarts.SUMMARY, "trial");
    /** The year column every mart is partitioned by. */
    static final String YEAR = ProjectionMarts.PARTITION_COLUMN;
    /** The level column of the summary, whose rows say which levels a run has. */
    static final String LEVEL = column(ProjectionMarts.SUMMARY, "level_id");

    /** Most rows any answer carries; {@code limit} may not ask for more. */
    static final int MAX_ROWS = 10_000;

    private Marts() {}

    /**
     * The name of a column an endpoint reads, checked against the run contract: the server does not
     * start if the contract no longer declares it.
     */
    static String column(Mart mart, String name) {
        return mart.column(name).orElseThrow(() -> new IllegalStateException("The query API reads " + name + " of "
                + mart.name() + ", which the run contract no longer declares; its columns are " + mart.columnNames()
                + ".")).name();
    }
}
