package io.planwise.model.mart;

/**
 * A row of fct_ensemble_bands: the spread of one metric over the trials, for one year and level
 * (null = all levels). Money in dollars. sd and the percentiles are null when the ensemble has too
 * few trials ({@code isSufficient} false).
 */
public record EnsembleBand(
        String scenarioId,
        int simulationYear,
        Integer levelId,
        String metric,
        int nTrials,
        boolean isSufficient,
        double mean,
        Double sd,
        double min,
        Double p5,
        Double p10,
        Double p25,
        Double p50,
        Double p75,
        Double p90,
        Double p95,
        double max) {}
