package io.planwise.model.assumptions;

import java.io.Serializable;

/**
 * A row of config_job_levels: the salary range [min, max) of a level, both as the decimal written
 * in the seed (as a double) and in integer cents (rounded half away from zero), which is what the
 * year loop computes with.
 */
public record JobLevel(int levelId, String name, double minCompensation, double maxCompensation,
                       long minCents, long maxCents) implements Serializable {
}
