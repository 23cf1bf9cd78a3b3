package io.planwise.model.mart;

/** A row of fct_workforce_summary: one per year and job level. */
public record WorkforceSummary(
        String scenarioId,
        int trial,
        int simulationYear,
        int levelId,
        long startingHeadcount,
        long experiencedTerminations,
        long newHireTerminations,
        long rifTerminations,
        long hires,
        long promotionsIn,
        long promotionsOut,
        long endingHeadcount,
        long endingTotalCompensationCents,
        long endingAvgCompensationCents,
        long proratedCompensationCostCents) {}
