package io.planwise.model.mart;

import java.time.LocalDate;

/** A row of fct_workforce_snapshot: one per employee of the start-of-year workforce and per hire. */
public record WorkforceSnapshot(
        String scenarioId,
        int trial,
        int simulationYear,
        String employeeId,
        LocalDate employeeBirthDate,
        LocalDate employeeHireDate,
        String employmentStatus,
        String detailedStatusCode,
        LocalDate terminationDate,
        String terminationReason,
        long currentCompensationCents,
        long proratedAnnualCompensationCents,
        int levelId,
        int currentAge,
        int currentTenure,
        String ageBand,
        String tenureBand) {

    public static final String ACTIVE = "active";
    public static final String TERMINATED = "terminated";
    public static final String CONTINUOUS_ACTIVE = "continuous_active";
    public static final String EXPERIENCED_TERMINATION = "experienced_termination";
    public static final String NEW_HIRE_ACTIVE = "new_hire_active";
    public static final String NEW_HIRE_TERMINATION = "new_hire_termination";

    public boolean active() {
        return ACTIVE.equals(employmentStatus);
    }
}
