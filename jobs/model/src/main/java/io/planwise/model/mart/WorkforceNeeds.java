package io.planwise.model.mart;

/**
 * A row of fct_workforce_needs, one per year. ending_workforce is what the snapshot actually
 * ended with (counted, not assumed); termination_calibration is t x N x 10^9 / W, null when W = 0.
 */
public record WorkforceNeeds(
        String scenarioId,
        int trial,
        int simulationYear,
        long startingWorkforce,
        long targetEndingWorkforce,
        long experiencedTerminations,
        long hires,
        long newHireTerminations,
        long rifTerminations,
        long endingWorkforce,
        Double terminationCalibration) {}
