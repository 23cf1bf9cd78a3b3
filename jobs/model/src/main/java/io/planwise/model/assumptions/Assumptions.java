package io.planwise.model.assumptions;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The assumption tables of MODEL.md section 1.2, validated and immutable.
 *
 * <p><b>Sources.</b> Twelve seed CSVs with PlanWise's file names. This module bundles its own copy
 * of PlanWise's values ({@link #bundledDefaults()}). {@link #load(Path)} takes a directory that may
 * hold any subset of the files (PlanWise's own seeds directory works unchanged); each file missing
 * there falls back to the bundled default. Only the columns a table needs are read; any others
 * (descriptions, timestamps, job families, level names) are ignored. {@link #fingerprints()} gives
 * the SHA-256 of the bytes actually read for each file, and {@link #sources()} where they came from.
 *
 * <p><b>Values.</b> Numbers are parsed from the CSV text as exact decimals; job-level salaries are
 * also given in integer cents and distribution weights as round(x × 10^6) integers (half away from
 * zero), the integers the year loop draws with. Band label lookups are exact, case-sensitive string
 * matches ({@code "< 25"}).
 *
 * <p><b>Fallback rules.</b> {@link #compLever}: the rows of the scenario if it has any for the
 * (event_type, parameter_name), else those of scenario {@code default}; of those, the job level's row
 * for the latest fiscal_year ≤ the year, else its earliest fiscal_year. Only RAISE merit_base and
 * cola_rate and HIRE compensation_percentile and market_adjustment_multiplier are read; other
 * comp_levers rows are ignored. The new-hire distributions use the scenario's rows if it has any,
 * else the {@code default} rows.
 *
 * <p><b>Errors.</b> Any problem throws {@link AssumptionsException} before a job starts, naming the
 * file, line and column: a missing column, a value that is not a number (or whole number, or boolean),
 * an empty table, duplicate keys, a negative multiplier, a probability outside [0, 1], job levels with
 * min ≥ max or non-consecutive ids, bands that do not start at 0 and chain exactly, multiplier labels
 * that differ from the band labels, hazard base tables with more than one row, a scenario whose age
 * weights are all zero, a level distribution naming an unknown level or mixing fixed and adaptive rows.
 */
public final class Assumptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The scenario whose rows apply when a scenario has none of its own. */
    public static final String DEFAULT_SCENARIO = "default";

    private static volatile Assumptions bundled;

    private final List<JobLevel> jobLevels;
    private final BandSet ageBands;
    private final BandSet tenureBands;
    private final TerminationHazardBase terminationHazardBase;
    private final PromotionHazardBase promotionHazardBase;
    private final Map<String, Double> terminationAge;
    private final Map<String, Double> terminationTenure;
    private final Map<String, Double> promotionAge;
    private final Map<String, Double> promotionTenure;
    private final CompLevers compLevers;
    private final NewHireAgeDistribution newHireAges;
    private final NewHireLevelDistribution newHireLevels;
    private final Map<String, String> fingerprints;
    private final Map<String, String> sources;

    private Assumptions(AssumptionSource source) {
        jobLevels = JobLevelTable.read(source.table(AssumptionFile.JOB_LEVELS));
        ageBands = BandTable.read(source.table(AssumptionFile.AGE_BANDS));
        tenureBands = BandTable.read(source.table(AssumptionFile.TENURE_BANDS));
        terminationHazardBase = HazardBaseTable.termination(source.table(AssumptionFile.TERMINATION_HAZARD_BASE));
        terminationAge = multipliers(source, AssumptionFile.TERMINATION_HAZARD_AGE, "age_band",
                ageBands, AssumptionFile.AGE_BANDS);
        terminationTenure = multipliers(source, AssumptionFile.TERMINATION_HAZARD_TENURE, "tenure_band",
                tenureBands, AssumptionFile.TENURE_BANDS);
        promotionHazardBase = HazardBaseTable.promotion(source.table(AssumptionFile.PROMOTION_HAZARD_BASE));
        promotionAge = multipliers(source, AssumptionFile.PROMOTION_HAZARD_AGE, "age_band",
                ageBands, AssumptionFile.AGE_BANDS);
        promotionTenure = multipliers(source, AssumptionFile.PROMOTION_HAZARD_TENURE, "tenure_band",
                tenureBands, AssumptionFile.TENURE_BANDS);
        compLevers = CompLevers.read(source.table(AssumptionFile.COMP_LEVERS));
        newHireAges = NewHireAgeDistribution.read(source.table(AssumptionFile.NEW_HIRE_AGE_DISTRIBUTION));
        Set<Integer> levelIds = jobLevels.stream().map(JobLevel::levelId).collect(Collectors.toSet());
        newHireLevels = NewHireLevelDistribution.read(source.table(AssumptionFile.NEW_HIRE_LEVEL_DISTRIBUTION),
                levelIds, AssumptionFile.JOB_LEVELS.fileName);
        fingerprints = source.fingerprints();
        sources = source.origins();
    }

    private static Map<String, Double> multipliers(AssumptionSource source, AssumptionFile file, String labelColumn,
                                                   BandSet bands, AssumptionFile bandFile) {
        return MultiplierTable.read(source.table(file), labelColumn, bands, bandFile.fileName);
    }

    /** PlanWise's seed values, as bundled with this module (read once, then shared: it is immutable). */
    public static Assumptions bundledDefaults() {
        Assumptions result = bundled;
        if (result == null) {
            synchronized (Assumptions.class) {
                if (bundled == null) {
                    bundled = new Assumptions(new AssumptionSource(null));
                }
                result = bundled;
            }
        }
        return result;
    }

    /** The files found in {@code dirOrNull}, the bundled defaults for the rest; null means all bundled. */
    public static Assumptions load(Path dirOrNull) throws AssumptionsException {
        return dirOrNull == null ? bundledDefaults() : new Assumptions(new AssumptionSource(dirOrNull));
    }

    /** Sorted by level_id; ids are consecutive. */
    public List<JobLevel> jobLevels() {
        return jobLevels;
    }

    public int minLevel() {
        return jobLevels.get(0).levelId();
    }

    public int maxLevel() {
        return jobLevels.get(jobLevels.size() - 1).levelId();
    }

    /** @throws IllegalArgumentException for an id outside minLevel … maxLevel */
    public JobLevel level(int levelId) {
        if (levelId < minLevel() || levelId > maxLevel()) {
            throw new IllegalArgumentException(
                    "no job level " + levelId + "; levels are " + minLevel() + " to " + maxLevel());
        }
        return jobLevels.get(levelId - minLevel());
    }

    public BandSet ageBands() {
        return ageBands;
    }

    public BandSet tenureBands() {
        return tenureBands;
    }

    public TerminationHazardBase terminationHazardBase() {
        return terminationHazardBase;
    }

    public PromotionHazardBase promotionHazardBase() {
        return promotionHazardBase;
    }

    public double terminationAgeMultiplier(String ageBandLabel) {
        return multiplier(terminationAge, ageBandLabel, AssumptionFile.TERMINATION_HAZARD_AGE);
    }

    public double terminationTenureMultiplier(String tenureBandLabel) {
        return multiplier(terminationTenure, tenureBandLabel, AssumptionFile.TERMINATION_HAZARD_TENURE);
    }

    public double promotionAgeMultiplier(String ageBandLabel) {
        return multiplier(promotionAge, ageBandLabel, AssumptionFile.PROMOTION_HAZARD_AGE);
    }

    public double promotionTenureMultiplier(String tenureBandLabel) {
        return multiplier(promotionTenure, tenureBandLabel, AssumptionFile.PROMOTION_HAZARD_TENURE);
    }

    /** Every band has a multiplier (checked on load), so an unknown label is a caller's bug. */
    private static double multiplier(Map<String, Double> table, String label, AssumptionFile file) {
        Double value = table.get(label);
        if (value == null) {
            throw new IllegalArgumentException("no band '" + label + "' in " + file.fileName);
        }
        return value;
    }

    /**
     * comp_levers lookup: rows of {@code scenarioId} if it has any for this (event_type,
     * parameter_name), else scenario {@code default}; among them the latest fiscal_year ≤ year, else
     * the earliest fiscal_year; for that job level. Empty when nothing matches (including levers v1
     * does not read).
     */
    public OptionalDouble compLever(String scenarioId, int year, int levelId, String eventType, String parameterName) {
        return compLevers.lookup(scenarioId, year, levelId, eventType, parameterName);
    }

    /** The scenario's rows, else the {@code default} rows, ordered by hire_age; empty if neither exists. */
    public List<AgeWeight> newHireAgeDistribution(String scenarioId) {
        return newHireAges.forScenario(scenarioId);
    }

    /** The scenario's rows, else the {@code default} rows, ordered by level_id; empty if neither exists. */
    public List<LevelShare> newHireLevelDistribution(String scenarioId) {
        return newHireLevels.shares(scenarioId);
    }

    /** use_fixed_distribution of the rows {@link #newHireLevelDistribution} returns; false when there are none. */
    public boolean newHireLevelDistributionFixed(String scenarioId) {
        return newHireLevels.isFixed(scenarioId);
    }

    /** File name → SHA-256 (lower-case hex) of the bytes read, bundled or user's, for every file. */
    public Map<String, String> fingerprints() {
        return fingerprints;
    }

    /** File name → "bundled" or the absolute path of the user's file that was read. */
    public Map<String, String> sources() {
        return sources;
    }

    /** Equal when every table holds the same values; where the files came from does not count. */
    public boolean sameValues(Assumptions other) {
        return jobLevels.equals(other.jobLevels)
                && ageBands.equals(other.ageBands)
                && tenureBands.equals(other.tenureBands)
                && terminationHazardBase.equals(other.terminationHazardBase)
                && promotionHazardBase.equals(other.promotionHazardBase)
                && terminationAge.equals(other.terminationAge)
                && terminationTenure.equals(other.terminationTenure)
                && promotionAge.equals(other.promotionAge)
                && promotionTenure.equals(other.promotionTenure)
                && compLevers.equals(other.compLevers)
                && newHireAges.equals(other.newHireAges)
                && newHireLevels.equals(other.newHireLevels);
    }
}
