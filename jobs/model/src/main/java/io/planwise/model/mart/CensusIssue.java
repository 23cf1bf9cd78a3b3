package io.planwise.model.mart;

/**
 * A row of dq_census_issues: a rejected census row (severity reject) or an implausible but kept
 * one (severity warning), with the raw row and where it came from. simulation_year is the first
 * projected year.
 */
public record CensusIssue(
        String scenarioId,
        int trial,
        int simulationYear,
        String source,
        long rowNumber,
        String employeeId,
        String severity,
        String reason,
        String detail,
        String rawRow) {

    public static final String REJECT = "reject";
    public static final String WARNING = "warning";
}
