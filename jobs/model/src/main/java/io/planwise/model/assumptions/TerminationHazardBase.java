package io.planwise.model.assumptions;

import java.io.Serializable;

/**
 * config_termination_hazard_base: h = baseRateForNewHire × age mult × tenure mult ×
 * max(minLevelDiscountMultiplier, 1 − levelDiscountFactor × (level − 1)).
 */
public record TerminationHazardBase(double baseRateForNewHire, double levelDiscountFactor,
                                    double minLevelDiscountMultiplier) implements Serializable {
}
