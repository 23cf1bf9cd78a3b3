package io.planwise.model.config;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One scenario's settings for the v1 projection (MODEL.md section 1.3), validated and immutable.
 *
 * <p><b>Sources.</b> {@link #load} and {@link #parse} read PlanWise's {@code simulation_config.yaml}
 * unchanged: the keys v1 uses are looked up where PlanWise puts them ({@code simulation.*},
 * {@code workforce.*}, {@code compensation.*}, {@code compensation.promotion_compensation.*},
 * {@code setup.*} and the top-level {@code scenario_id}); every other key is ignored and listed in
 * {@link #unknownKeys()} and the one-line {@link #warning()}. {@link #defaults()} is the config of an
 * empty file. {@link #withScenarioId}, {@link #withYears} and {@link #withSeed} apply command-line
 * overrides and validate again.
 *
 * <p><b>Defaults.</b> A key that is absent or null ({@code key:} / {@code ~}) takes its MODEL.md
 * default: scenario_id {@code default}, years 2025..2029, seed 42, one trial, g 0.03, t 0.12,
 * nh 0.25, promotion increase 0.20 ± 0.05 capped at 0.30 and $500,000, promotion rate multiplier 1,
 * max reject fraction 0.05. {@code cola_rate} and {@code merit_budget} have no default: unset means
 * "use comp_levers" ({@link #colaRate()} / {@link #meritBudget()} are empty). The census as-of date
 * is {@code setup.plan_year_end_date}, else Dec 31 of start_year − 1; the derived date follows a
 * start year changed by {@link #withYears}.
 *
 * <p><b>Exactness.</b> Rates are read from the YAML scalar's text as {@link BigDecimal}, never via a
 * double, and normalised without trailing zeros ({@code 0.10} reads as {@code 0.1}, {@code 500000}
 * stays {@code 500000}); the year loop needs g and nh exactly to size the workforce in integers.
 * Quoted numbers ({@code '0.03'}) are accepted. The double accessors return the double nearest to the
 * decimal, the same value SQL gets when it casts the text to DOUBLE.
 *
 * <p><b>Errors.</b> Malformed YAML, a duplicate key, a wrong type (text, a list or a mapping where a
 * number is expected, a section that is not a mapping) and a value out of range all throw
 * {@link ConfigException} naming the file, the key's dotted path and, when known, the line.
 */
public final class ScenarioConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern SCENARIO_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Four-digit years keep every derived date an ordinary ISO date in both engines. */
    private static final DecimalRange YEAR = DecimalRange.of("1900", "9999");
    private static final int MAX_SIMULATED_YEARS = 50;
    private static final DecimalRange SEED = DecimalRange.of("0", Long.toString(Long.MAX_VALUE));
    /** seed_key mixes in trial << 40; beyond 2^24 trials that shift would wrap and trials would share draws. */
    private static final DecimalRange TRIALS = DecimalRange.of("1", Integer.toString(1 << 24));
    private static final DecimalRange GROWTH = DecimalRange.of("-0.5", "1.0");
    private static final DecimalRange UNIT = DecimalRange.of("0", "1");
    private static final DecimalRange NEW_HIRE_TERMINATION = DecimalRange.of("0", "0.95");
    private static final DecimalRange COLA = DecimalRange.of("-0.5", "0.5");
    private static final DecimalRange MERIT_BUDGET = DecimalRange.of("0", "0.5");
    private static final DecimalRange NON_NEGATIVE = DecimalRange.atLeast("0");
    /** Dollars; a trillion keeps the cents far inside a long. */
    private static final DecimalRange CAP_AMOUNT = DecimalRange.of("0", "1000000000000");

    private final String scenarioId;
    private final int startYear;
    private final int endYear;
    private final long randomSeed;
    private final int trials;
    private final BigDecimal targetGrowthRate;
    private final BigDecimal totalTerminationRate;
    private final BigDecimal newHireTerminationRate;
    private final BigDecimal colaRate;
    private final BigDecimal meritBudget;
    private final BigDecimal promotionRateMultiplier;
    private final BigDecimal promotionBaseIncreasePct;
    private final BigDecimal promotionDistributionRange;
    private final BigDecimal promotionMaxCapPct;
    private final BigDecimal promotionMaxCapAmount;
    private final long promotionMaxCapAmountCents;
    private final LocalDate explicitPlanYearEndDate;
    private final BigDecimal maxRejectFraction;
    private final List<String> unknownKeys;
    private final ConfigOrigin origin;

    ScenarioConfig(ScenarioValues v, ConfigOrigin origin) {
        this.origin = origin;
        this.scenarioId = v.scenarioId;
        if (!SCENARIO_ID.matcher(scenarioId).matches()) {
            throw origin.error(ConfigKeys.SCENARIO_ID,
                    "= '" + scenarioId + "' is not a valid id: use 1 to 64 letters, digits, '_' or '-'");
        }
        this.startYear = check(ConfigKeys.START_YEAR, v.startYear, YEAR).intValueExact();
        this.endYear = check(ConfigKeys.END_YEAR, v.endYear, YEAR).intValueExact();
        if (endYear < startYear) {
            throw origin.error(ConfigKeys.END_YEAR,
                    "= " + endYear + " is before " + ConfigKeys.START_YEAR + " = " + startYear);
        }
        if (endYear - startYear + 1 > MAX_SIMULATED_YEARS) {
            throw origin.error(ConfigKeys.END_YEAR, "= " + endYear + " gives " + (endYear - startYear + 1)
                    + " simulated years from " + ConfigKeys.START_YEAR + " = " + startYear
                    + "; at most " + MAX_SIMULATED_YEARS + " are allowed");
        }
        this.randomSeed = check(ConfigKeys.RANDOM_SEED, v.randomSeed, SEED).longValueExact();
        this.trials = check(ConfigKeys.TRIALS, v.trials, TRIALS).intValueExact();
        this.targetGrowthRate = check(ConfigKeys.TARGET_GROWTH_RATE, v.targetGrowthRate, GROWTH);
        this.totalTerminationRate = check(ConfigKeys.TOTAL_TERMINATION_RATE, v.totalTerminationRate, UNIT);
        this.newHireTerminationRate =
                check(ConfigKeys.NEW_HIRE_TERMINATION_RATE, v.newHireTerminationRate, NEW_HIRE_TERMINATION);
        this.colaRate = v.colaRate == null ? null : check(ConfigKeys.COLA_RATE, v.colaRate, COLA);
        this.meritBudget = v.meritBudget == null ? null : check(ConfigKeys.MERIT_BUDGET, v.meritBudget, MERIT_BUDGET);
        this.promotionRateMultiplier =
                check(ConfigKeys.PROMOTION_RATE_MULTIPLIER, v.promotionRateMultiplier, NON_NEGATIVE);
        this.promotionBaseIncreasePct = check(ConfigKeys.PROMOTION_BASE_INCREASE_PCT, v.promotionBaseIncreasePct, UNIT);
        this.promotionDistributionRange =
                check(ConfigKeys.PROMOTION_DISTRIBUTION_RANGE, v.promotionDistributionRange, UNIT);
        this.promotionMaxCapPct = check(ConfigKeys.PROMOTION_MAX_CAP_PCT, v.promotionMaxCapPct, NON_NEGATIVE);
        this.promotionMaxCapAmount = check(ConfigKeys.PROMOTION_MAX_CAP_AMOUNT, v.promotionMaxCapAmount, CAP_AMOUNT);
        if (promotionMaxCapAmount.scale() > 2) {
            throw origin.error(ConfigKeys.PROMOTION_MAX_CAP_AMOUNT,
                    "= " + promotionMaxCapAmount.toPlainString() + " is not a whole number of cents");
        }
        this.promotionMaxCapAmountCents = promotionMaxCapAmount.movePointRight(2).longValueExact();
        this.explicitPlanYearEndDate = v.planYearEndDate;
        if (explicitPlanYearEndDate != null && explicitPlanYearEndDate.getYear() >= startYear) {
            // The census describes the workforce before the first simulated year starts.
            throw origin.error(ConfigKeys.PLAN_YEAR_END_DATE, "= " + explicitPlanYearEndDate
                    + " is not before the first simulated year (" + ConfigKeys.START_YEAR + " = " + startYear + ")");
        }
        this.maxRejectFraction = check(ConfigKeys.MAX_REJECT_FRACTION, v.maxRejectFraction, UNIT);
        this.unknownKeys = List.copyOf(v.unknownKeys);
    }

    private BigDecimal check(String keyPath, BigDecimal value, DecimalRange range) {
        if (!range.contains(value)) {
            throw origin.error(keyPath, range.outOfRange(value));
        }
        return value;
    }

    /** Every MODEL.md 1.3 default, as if read from an empty file. */
    public static ScenarioConfig defaults() {
        return new ScenarioConfig(new ScenarioValues(), ConfigOrigin.builtIn());
    }

    /** Reads PlanWise's {@code simulation_config.yaml} (or any YAML with the same layout). */
    public static ScenarioConfig load(Path yaml) throws ConfigException {
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(yaml.toString(), 0, "cannot read the file: " + e, e);
        }
        return parse(text, yaml.toString());
    }

    /** Parses YAML text; {@code sourceName} is what error messages call it (usually the file path). */
    public static ScenarioConfig parse(String yamlText, String sourceName) throws ConfigException {
        return ScenarioConfigReader.read(YamlDocumentReader.read(yamlText, sourceName), sourceName);
    }

    public String scenarioId() {
        return scenarioId;
    }

    public int startYear() {
        return startYear;
    }

    public int endYear() {
        return endYear;
    }

    public long randomSeed() {
        return randomSeed;
    }

    /** Monte Carlo trials; trial numbers are 0 … trials − 1. */
    public int trials() {
        return trials;
    }

    /** g, exactly as written (trailing zeros removed). */
    public BigDecimal targetGrowthRate() {
        return targetGrowthRate;
    }

    /** t, exactly as written (trailing zeros removed). */
    public BigDecimal totalTerminationRate() {
        return totalTerminationRate;
    }

    /** nh, exactly as written (trailing zeros removed). */
    public BigDecimal newHireTerminationRate() {
        return newHireTerminationRate;
    }

    /** compensation.cola_rate; empty when unset (the raise then takes cola from comp_levers). */
    public OptionalDouble colaRate() {
        return colaRate == null ? OptionalDouble.empty() : OptionalDouble.of(colaRate.doubleValue());
    }

    /** compensation.merit_budget; empty when unset (comp_levers merit_base is used as is). */
    public OptionalDouble meritBudget() {
        return meritBudget == null ? OptionalDouble.empty() : OptionalDouble.of(meritBudget.doubleValue());
    }

    public double promotionBaseIncreasePct() {
        return promotionBaseIncreasePct.doubleValue();
    }

    public double promotionDistributionRange() {
        return promotionDistributionRange.doubleValue();
    }

    public double promotionMaxCapPct() {
        return promotionMaxCapPct.doubleValue();
    }

    /** max_cap_amount (dollars in the YAML) in integer cents. */
    public long promotionMaxCapAmountCents() {
        return promotionMaxCapAmountCents;
    }

    public double promotionRateMultiplier() {
        return promotionRateMultiplier.doubleValue();
    }

    /** The census as-of date: setup.plan_year_end_date, else Dec 31 of start_year − 1. */
    public LocalDate censusAsOfDate() {
        return explicitPlanYearEndDate != null ? explicitPlanYearEndDate : LocalDate.of(startYear - 1, 12, 31);
    }

    /** The largest fraction of census rows that may be rejected before the job stops. */
    public double maxRejectFraction() {
        return maxRejectFraction.doubleValue();
    }

    /** Dotted paths of keys v1 ignores, in file order; {@code section.*} for a wholly unused mapping. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /** Null when every key was used, else one line listing the ignored keys. */
    public String warning() {
        if (unknownKeys.isEmpty()) {
            return null;
        }
        return "ignored " + unknownKeys.size() + " configuration keys not used by the v1 model: "
                + String.join(", ", unknownKeys);
    }

    public ScenarioConfig withScenarioId(String id) {
        ScenarioValues v = values();
        v.scenarioId = id;
        return new ScenarioConfig(v, origin.overriding(ConfigKeys.SCENARIO_ID));
    }

    public ScenarioConfig withYears(int start, int end) {
        ScenarioValues v = values();
        v.startYear = BigDecimal.valueOf(start);
        v.endYear = BigDecimal.valueOf(end);
        return new ScenarioConfig(v, origin.overriding(ConfigKeys.START_YEAR, ConfigKeys.END_YEAR));
    }

    public ScenarioConfig withSeed(long seed) {
        ScenarioValues v = values();
        v.randomSeed = BigDecimal.valueOf(seed);
        return new ScenarioConfig(v, origin.overriding(ConfigKeys.RANDOM_SEED));
    }

    private ScenarioValues values() {
        ScenarioValues v = new ScenarioValues();
        v.scenarioId = scenarioId;
        v.startYear = BigDecimal.valueOf(startYear);
        v.endYear = BigDecimal.valueOf(endYear);
        v.randomSeed = BigDecimal.valueOf(randomSeed);
        v.trials = BigDecimal.valueOf(trials);
        v.targetGrowthRate = targetGrowthRate;
        v.totalTerminationRate = totalTerminationRate;
        v.newHireTerminationRate = newHireTerminationRate;
        v.colaRate = colaRate;
        v.meritBudget = meritBudget;
        v.promotionRateMultiplier = promotionRateMultiplier;
        v.promotionBaseIncreasePct = promotionBaseIncreasePct;
        v.promotionDistributionRange = promotionDistributionRange;
        v.promotionMaxCapPct = promotionMaxCapPct;
        v.promotionMaxCapAmount = promotionMaxCapAmount;
        v.planYearEndDate = explicitPlanYearEndDate;
        v.maxRejectFraction = maxRejectFraction;
        v.unknownKeys = unknownKeys;
        return v;
    }

    /**
     * The effective value of every key v1 uses, by dotted path, in MODEL.md order: Integer, Long,
     * exact BigDecimal, or String (scenario_id, the ISO as-of date). cola_rate and merit_budget map
     * to null when unset. Meant for the run record.
     */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(ConfigKeys.SCENARIO_ID, scenarioId);
        d.put(ConfigKeys.START_YEAR, startYear);
        d.put(ConfigKeys.END_YEAR, endYear);
        d.put(ConfigKeys.RANDOM_SEED, randomSeed);
        d.put(ConfigKeys.TRIALS, trials);
        d.put(ConfigKeys.TARGET_GROWTH_RATE, targetGrowthRate);
        d.put(ConfigKeys.TOTAL_TERMINATION_RATE, totalTerminationRate);
        d.put(ConfigKeys.NEW_HIRE_TERMINATION_RATE, newHireTerminationRate);
        d.put(ConfigKeys.COLA_RATE, colaRate);
        d.put(ConfigKeys.MERIT_BUDGET, meritBudget);
        d.put(ConfigKeys.PROMOTION_RATE_MULTIPLIER, promotionRateMultiplier);
        d.put(ConfigKeys.PROMOTION_BASE_INCREASE_PCT, promotionBaseIncreasePct);
        d.put(ConfigKeys.PROMOTION_DISTRIBUTION_RANGE, promotionDistributionRange);
        d.put(ConfigKeys.PROMOTION_MAX_CAP_PCT, promotionMaxCapPct);
        d.put(ConfigKeys.PROMOTION_MAX_CAP_AMOUNT, promotionMaxCapAmount);
        d.put(ConfigKeys.PLAN_YEAR_END_DATE, censusAsOfDate().toString());
        d.put(ConfigKeys.MAX_REJECT_FRACTION, maxRejectFraction);
        return Collections.unmodifiableMap(d);
    }

    /** Equal when every effective value and the list of ignored keys are equal; the source does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioConfig other
                && describe().equals(other.describe())
                && unknownKeys.equals(other.unknownKeys);
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    @Override
    public String toString() {
        return "ScenarioConfig" + describe();
    }
}
