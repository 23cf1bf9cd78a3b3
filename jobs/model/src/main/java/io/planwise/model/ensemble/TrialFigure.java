package io.planwise.model.ensemble;

import java.io.Serializable;

/**
 * One exact per-trial value of an ensemble metric: a headcount or cents, for a year and a level
 * (null = all levels). The key of its band is (year, level, metric).
 */
public record TrialFigure(int simulationYear, Integer levelId, String metric, int trial, long value)
        implements Serializable {}
