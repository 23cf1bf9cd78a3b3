package io.planwise.model.config;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * One scenario's settings for the v1 projection (MODEL.md section 1.3), validated and immutable.
 *
 * <p><b>Sources.</b> {@link #load} and {@link #parse} read PlanWise's {@code simulation_config.yaml}
 * unchanged: the keys v1 uses, declared in {@link ScenarioKey}, are looked up where PlanWise puts
 * them ({@code simulation.*}, {@code workforce.*}, {@code compensation.*},
 * {@code compensation.promotion_compensation.*}, {@code setup.*} and the top-level
 * {@code scenario_id}); every other key is ignored and listed in {@link #unknownKeys()} and the
 * one-line {@link #warning()}, unless its name is a likely typo of a known one (see
 * {@link UnusedKeys}). {@link #defaults()} is the config of an empty file. {@link #withScenarioId},
 * {@link #withYears}, {@link #withSeed} and {@link #withTrials} apply command-line overrides and validate again.
 *
 * <p><b>Defaults.</b> A key that is absent or null ({@code key:} / {@code ~}) takes its
 * {@link ScenarioKey} default (MODEL.md 1.3): scenario_id {@code default}, years 2025..2029, seed 42,
 * one trial, g 0.03, t 0.12, nh 0.25, promotion increase 0.20 ± 0.05 capped at 0.30 and $500,000,
 * promotion rate multiplier 1, max reject fraction 0.05. {@code cola_rate} and {@code merit_budget}
 * have no default: unset means "use comp_levers" ({@link #colaRate()} / {@link #meritBudget()} are
 * empty). The census as-of date is {@code setup.plan_year_end_date}, else Dec 31 of start_year − 1;
 * the derived date follows a start year changed by {@link #withYears}.
 *
 * <p><b>Exactness.</b> Rates are read from the YAML scalar's text as {@link BigDecimal}, never via a
 * double, and normalised without trailing zeros ({@code 0.10} reads as {@code 0.1}, {@code 500000}
 * stays {@code 500000}); the year loop needs g and nh exactly to size the workforce in integers.
 * Quoted numbers ({@code '0.03'}) are accepted. The double accessors return the double nearest to the
 * decimal, the same value SQL gets when it casts the text to DOUBLE.
 *
 * <p><b>Errors.</b> Malformed YAML, a duplicate key, a wrong type (text, a list or a mapping where a
 * number is expected, a section that is not a mapping), a value out of range and an unknown key
 * within typo distance of a known one all throw {@link ConfigException} naming the file, the key's
 * dotted path and, when known, the line.
 */
public final class ScenarioConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    static final int MAX_SIMULATED_YEARS = 50;

    /** Validated values as {@link ScenarioValues} keeps them; null = unset. */
    private final EnumMap<ScenarioKey, Object> values;
    private final List<String> unknownKeys;
    private final ConfigOrigin origin;

    ScenarioConfig(ScenarioValues v, ConfigOrigin origin) {
        this.origin = origin;
        this.values = new EnumMap<>(v.values);
        this.unknownKeys = List.copyOf(v.unknownKeys);
        // Key by key in table order, the rules involving a key right after its own check: of several
        // problems, the first in table order is reported.
        for (ScenarioKey key : ScenarioKey.values()) {
            Object value = values.get(key);
            if (value != null) {
                key.check(value, origin);
            }
            checkRules(key);
        }
    }

    /** The rules a {@link ScenarioKey} declares with {@code rule(...)}: they involve other keys or cents. */
    private void checkRules(ScenarioKey key) {
        switch (key) {
            case END_YEAR -> {
                int startYear = startYear();
                int endYear = endYear();
                if (endYear < startYear) {
                    throw origin.error(key.path(), "= " + endYear + " is before "
                            + ScenarioKey.START_YEAR.path() + " = " + startYear);
                }
                if (endYear - startYear + 1 > MAX_SIMULATED_YEARS) {
                    throw origin.error(key.path(), "= " + endYear + " gives " + (endYear - startYear + 1)
                            + " simulated years from " + ScenarioKey.START_YEAR.path() + " = " + startYear
                            + "; at most " + MAX_SIMULATED_YEARS + " are allowed");
                }
            }
            case DETAIL_TRIALS -> {
                if (detailTrials() > trials()) {
                    throw origin.error(key.path(), "= " + detailTrials() + " is more than "
                            + ScenarioKey.TRIALS.path() + " = " + trials());
                }
            }
            case PROMOTION_MAX_CAP_AMOUNT -> {
                BigDecimal amount = decimal(key);
                if (amount.scale() > 2) {
                    throw origin.error(key.path(), "= " + amount.toPlainString() + " is not a whole number of cents");
                }
            }
            case PLAN_YEAR_END_DATE -> {
                LocalDate explicit = (LocalDate) values.get(key);
                if (explicit != null && explicit.getYear() >= startYear()) {
                    // The census describes the workforce before the first simulated year starts.
                    throw origin.error(key.path(), "= " + explicit + " is not before the first simulated year ("
                            + ScenarioKey.START_YEAR.path() + " = " + startYear() + ")");
                }
            }
            default -> {
                // Type and range are all there is to check.
            }
        }
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

    /**
     * The effective value of a key: String for ids, exact BigDecimal for numbers (trailing zeros
     * removed), LocalDate for dates; an unset key gives what unset means when that is a value (the
     * census as-of date), else null (cola_rate, merit_budget).
     */
    public Object value(ScenarioKey key) {
        Object value = values.get(key);
        return value != null ? value : key.unsetValue(this);
    }

    private BigDecimal decimal(ScenarioKey key) {
        return (BigDecimal) value(key);
    }

    private OptionalDouble optionalDouble(ScenarioKey key) {
        BigDecimal value = decimal(key);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }

    public String scenarioId() {
        return (String) value(ScenarioKey.SCENARIO_ID);
    }

    public int startYear() {
        return decimal(ScenarioKey.START_YEAR).intValueExact();
    }

    public int endYear() {
        return decimal(ScenarioKey.END_YEAR).intValueExact();
    }

    public long randomSeed() {
        return decimal(ScenarioKey.RANDOM_SEED).longValueExact();
    }

    /** Monte Carlo trials; trial numbers are 0 … trials − 1. */
    public int trials() {
        return decimal(ScenarioKey.TRIALS).intValueExact();
    }

    /** Trials 0 … detailTrials − 1 write events and snapshot rows. */
    public int detailTrials() {
        return decimal(ScenarioKey.DETAIL_TRIALS).intValueExact();
    }

    /** Fewer trials than this leave the band percentiles and sd NULL. */
    public int minTrialsForBands() {
        return decimal(ScenarioKey.MIN_TRIALS_FOR_BANDS).intValueExact();
    }

    /** g, exactly as written (trailing zeros removed). */
    public BigDecimal targetGrowthRate() {
        return decimal(ScenarioKey.TARGET_GROWTH_RATE);
    }

    /** t, exactly as written (trailing zeros removed). */
    public BigDecimal totalTerminationRate() {
        return decimal(ScenarioKey.TOTAL_TERMINATION_RATE);
    }

    /** nh, exactly as written (trailing zeros removed). */
    public BigDecimal newHireTerminationRate() {
        return decimal(ScenarioKey.NEW_HIRE_TERMINATION_RATE);
    }

    /** compensation.cola_rate; empty when unset (the raise then takes cola from comp_levers). */
    public OptionalDouble colaRate() {
        return optionalDouble(ScenarioKey.COLA_RATE);
    }

    /** compensation.merit_budget; empty when unset (comp_levers merit_base is used as is). */
    public OptionalDouble meritBudget() {
        return optionalDouble(ScenarioKey.MERIT_BUDGET);
    }

    public double promotionBaseIncreasePct() {
        return decimal(ScenarioKey.PROMOTION_BASE_INCREASE_PCT).doubleValue();
    }

    public double promotionDistributionRange() {
        return decimal(ScenarioKey.PROMOTION_DISTRIBUTION_RANGE).doubleValue();
    }

    public double promotionMaxCapPct() {
        return decimal(ScenarioKey.PROMOTION_MAX_CAP_PCT).doubleValue();
    }

    /** max_cap_amount (dollars in the YAML) in integer cents. */
    public long promotionMaxCapAmountCents() {
        return decimal(ScenarioKey.PROMOTION_MAX_CAP_AMOUNT).movePointRight(2).longValueExact();
    }

    public double promotionRateMultiplier() {
        return decimal(ScenarioKey.PROMOTION_RATE_MULTIPLIER).doubleValue();
    }

    /** The census as-of date: setup.plan_year_end_date, else Dec 31 of start_year − 1. */
    public LocalDate censusAsOfDate() {
        return (LocalDate) value(ScenarioKey.PLAN_YEAR_END_DATE);
    }

    /** The largest fraction of census rows that may be rejected before the job stops. */
    public double maxRejectFraction() {
        return decimal(ScenarioKey.MAX_REJECT_FRACTION).doubleValue();
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
        return with(values().set(ScenarioKey.SCENARIO_ID, id), ScenarioKey.SCENARIO_ID);
    }

    public ScenarioConfig withYears(int start, int end) {
        return with(values().set(ScenarioKey.START_YEAR, BigDecimal.valueOf(start))
                .set(ScenarioKey.END_YEAR, BigDecimal.valueOf(end)), ScenarioKey.START_YEAR, ScenarioKey.END_YEAR);
    }

    public ScenarioConfig withSeed(long seed) {
        return with(values().set(ScenarioKey.RANDOM_SEED, BigDecimal.valueOf(seed)), ScenarioKey.RANDOM_SEED);
    }

    /** The ensemble's size and how many of its trials write events and snapshots. */
    public ScenarioConfig withTrials(int trials, int detailTrials) {
        return with(values().set(ScenarioKey.TRIALS, BigDecimal.valueOf(trials))
                .set(ScenarioKey.DETAIL_TRIALS, BigDecimal.valueOf(detailTrials)), ScenarioKey.TRIALS,
                ScenarioKey.DETAIL_TRIALS);
    }

    private ScenarioConfig with(ScenarioValues v, ScenarioKey... overridden) {
        return new ScenarioConfig(v, origin.overriding(Stream.of(overridden).map(ScenarioKey::path).toArray(String[]::new)));
    }

    /** This config's values, unset keys still unset, so a derived value follows an overridden key. */
    private ScenarioValues values() {
        ScenarioValues v = new ScenarioValues();
        v.values.putAll(values);
        v.unknownKeys = unknownKeys;
        return v;
    }

    /**
     * The effective value of every key v1 uses, by dotted path, in {@link ScenarioKey} order: Integer,
     * Long, exact BigDecimal, or String (scenario_id, the ISO as-of date). cola_rate and merit_budget
     * map to null when unset. Meant for the run record.
     */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        for (ScenarioKey key : ScenarioKey.values()) {
            d.put(key.path(), key.type().describe(value(key)));
        }
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
