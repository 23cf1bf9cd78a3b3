package io.planwise.model.mart;

/**
 * A row of dq_checks: one per invariant of MODEL.md section 5 (and per year where it applies), per
 * trial; {@code trial} is null for a check of the ensemble as a whole (its bands).
 */
public record QualityCheck(
        String scenarioId,
        Integer trial,
        int simulationYear,
        String checkName,
        boolean passed,
        String detail) {}
