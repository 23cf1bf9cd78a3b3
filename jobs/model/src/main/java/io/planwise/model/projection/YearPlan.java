package io.planwise.model.projection;

import java.io.Serializable;

/**
 * Everything about year Y that is decided over the whole workforce and that each employee's
 * outcome depends on: the start-of-year population, the needs, and the two ranked-selection
 * cutoffs.
 */
public record YearPlan(
        int year,
        Population population,
        NeedsPlan needs,
        RankKey reductionInForceCutoff,
        RankKey newHireTerminationCutoff) implements Serializable {}
