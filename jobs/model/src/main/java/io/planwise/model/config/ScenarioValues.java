package io.planwise.model.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The raw, not yet validated values of a scenario, starting from the MODEL.md 1.3 defaults.
 * Numbers stay exact decimals until {@link ScenarioConfig} has range-checked them.
 */
final class ScenarioValues {
    String scenarioId = "default";
    BigDecimal startYear = BigDecimal.valueOf(2025);
    BigDecimal endYear = BigDecimal.valueOf(2029);
    BigDecimal randomSeed = BigDecimal.valueOf(42);
    BigDecimal trials = BigDecimal.ONE;
    BigDecimal targetGrowthRate = new BigDecimal("0.03");
    BigDecimal totalTerminationRate = new BigDecimal("0.12");
    BigDecimal newHireTerminationRate = new BigDecimal("0.25");
    /** null = unset: the raise uses comp_levers. */
    BigDecimal colaRate;
    /** null = unset: merit_base from comp_levers is used as is. */
    BigDecimal meritBudget;
    BigDecimal promotionRateMultiplier = BigDecimal.ONE;
    BigDecimal promotionBaseIncreasePct = new BigDecimal("0.2");
    BigDecimal promotionDistributionRange = new BigDecimal("0.05");
    BigDecimal promotionMaxCapPct = new BigDecimal("0.3");
    /** Dollars, as PlanWise writes it. */
    BigDecimal promotionMaxCapAmount = BigDecimal.valueOf(500_000);
    /** null = Dec 31 of start_year - 1, which follows the start year when it is overridden. */
    LocalDate planYearEndDate;
    BigDecimal maxRejectFraction = new BigDecimal("0.05");
    List<String> unknownKeys = List.of();
}
