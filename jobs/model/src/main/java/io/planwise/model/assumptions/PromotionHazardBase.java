package io.planwise.model.assumptions;

import java.io.Serializable;

/**
 * config_promotion_hazard_base: hp = baseRate × age mult × tenure mult ×
 * max(0, 1 − levelDampenerFactor × (level − 1)) × promotion_rate_multiplier.
 */
public record PromotionHazardBase(double baseRate, double levelDampenerFactor) implements Serializable {
}
