package io.planwise.model.mart;

/** A row of dq_checks: one per invariant of MODEL.md section 5 (and per year where it applies). */
public record QualityCheck(
        String scenarioId,
        int trial,
        int simulationYear,
        String checkName,
        boolean passed,
        String detail) {}
