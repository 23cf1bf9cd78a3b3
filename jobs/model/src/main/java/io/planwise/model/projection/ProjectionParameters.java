package io.planwise.model.projection;

import io.planwise.model.assumptions.AgeWeight;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.assumptions.Band;
import io.planwise.model.assumptions.BandSet;
import io.planwise.model.assumptions.JobLevel;
import io.planwise.model.assumptions.LevelShare;
import io.planwise.model.assumptions.PromotionHazardBase;
import io.planwise.model.assumptions.TerminationHazardBase;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.draw.RandomDraws;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything one trial of one scenario needs, resolved once from the scenario config and the
 * assumption tables into arrays indexed by year and level, so the per-employee code does no map
 * look-ups. It travels to every Flink task, so it stays small and {@link Serializable}.
 *
 * <p>Merit: comp_levers RAISE/merit_base for (year, level); when compensation.merit_budget is set
 * each level's value is multiplied by merit_budget / (mean of that year's merit_base over all
 * levels), so the average merit equals the budget while the spread between levels is kept. A
 * level with no merit_base row gets 0. COLA: compensation.cola_rate when set, else comp_levers
 * RAISE/cola_rate, else 0.
 */
public final class ProjectionParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String scenarioId;
    public final int trial;
    public final int startYear;
    public final int endYear;
    public final RandomDraws draws;
    private final long seed;
    /** Shared by every trial made from these parameters with {@link #forTrial}. */
    private transient HireIdentities hireIdentities;
    public final double terminationRate;
    public final BigDecimal growthRate;
    public final BigDecimal newHireTerminationRate;

    final int[] levelIds;
    /** levelIndex for level ids below 64 (job levels are small numbers), -1 for unknown ids. */
    private final int[] indexByLevelId;
    final long[] levelMinCents;
    final long[] levelMaxCents;
    final BandSet ageBands;
    final BandSet tenureBands;
    final double[] terminationAgeMultiplier;
    final double[] terminationTenureMultiplier;
    final double[] promotionAgeMultiplier;
    final double[] promotionTenureMultiplier;
    final TerminationHazardBase terminationBase;
    final PromotionHazardBase promotionBase;
    final double promotionRateMultiplier;
    final double promotionBaseIncreasePct;
    final double promotionDistributionRange;
    final double promotionMaxCapPct;
    final long promotionMaxCapCents;
    final double[][] merit;
    final double[][] cola;
    final long[][] hireAverageCents;
    final int[] hireAges;
    final long[] hireAgeWeights;
    final long hireAgeTotal;
    final long[] fixedLevelWeights;

    public ProjectionParameters(ScenarioConfig config, Assumptions assumptions, int trial) {
        this.scenarioId = config.scenarioId();
        this.trial = trial;
        this.startYear = config.startYear();
        this.endYear = config.endYear();
        this.seed = config.randomSeed();
        this.draws = new RandomDraws(seed, trial);
        this.terminationRate = config.totalTerminationRate().doubleValue();
        this.growthRate = config.targetGrowthRate();
        this.newHireTerminationRate = config.newHireTerminationRate();

        List<JobLevel> levels = assumptions.jobLevels();
        int n = levels.size();
        levelIds = new int[n];
        levelMinCents = new long[n];
        levelMaxCents = new long[n];
        for (int i = 0; i < n; i++) {
            levelIds[i] = levels.get(i).levelId();
            levelMinCents[i] = levels.get(i).minCents();
            levelMaxCents[i] = levels.get(i).maxCents();
        }
        indexByLevelId = new int[64];
        java.util.Arrays.fill(indexByLevelId, -1);
        for (int i = 0; i < n; i++) {
            if (levelIds[i] >= 0 && levelIds[i] < indexByLevelId.length && indexByLevelId[levelIds[i]] < 0) {
                indexByLevelId[levelIds[i]] = i;
            }
        }
        ageBands = assumptions.ageBands();
        tenureBands = assumptions.tenureBands();
        List<Band> ages = ageBands.bands();
        List<Band> tenures = tenureBands.bands();
        terminationAgeMultiplier = new double[ages.size()];
        promotionAgeMultiplier = new double[ages.size()];
        for (int i = 0; i < ages.size(); i++) {
            terminationAgeMultiplier[i] = assumptions.terminationAgeMultiplier(ages.get(i).label());
            promotionAgeMultiplier[i] = assumptions.promotionAgeMultiplier(ages.get(i).label());
        }
        terminationTenureMultiplier = new double[tenures.size()];
        promotionTenureMultiplier = new double[tenures.size()];
        for (int i = 0; i < tenures.size(); i++) {
            terminationTenureMultiplier[i] = assumptions.terminationTenureMultiplier(tenures.get(i).label());
            promotionTenureMultiplier[i] = assumptions.promotionTenureMultiplier(tenures.get(i).label());
        }
        terminationBase = assumptions.terminationHazardBase();
        promotionBase = assumptions.promotionHazardBase();
        promotionRateMultiplier = config.promotionRateMultiplier();
        promotionBaseIncreasePct = config.promotionBaseIncreasePct();
        promotionDistributionRange = config.promotionDistributionRange();
        promotionMaxCapPct = config.promotionMaxCapPct();
        promotionMaxCapCents = config.promotionMaxCapAmountCents();

        int years = endYear - startYear + 1;
        merit = new double[years][n];
        cola = new double[years][n];
        hireAverageCents = new long[years][n];
        for (int y = 0; y < years; y++) {
            int year = startYear + y;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                merit[y][i] = assumptions.compLever(scenarioId, year, levelIds[i], "RAISE", "merit_base").orElse(0.0);
                sum += merit[y][i];
            }
            if (config.meritBudget().isPresent()) {
                double mean = sum / n;
                if (mean != 0) {
                    double scale = config.meritBudget().getAsDouble() / mean;
                    for (int i = 0; i < n; i++) {
                        merit[y][i] = merit[y][i] * scale;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                cola[y][i] = config.colaRate().isPresent()
                        ? config.colaRate().getAsDouble()
                        : assumptions.compLever(scenarioId, year, levelIds[i], "RAISE", "cola_rate").orElse(0.0);
                double pct = assumptions.compLever(scenarioId, year, levelIds[i], "HIRE", "compensation_percentile").orElse(0.5);
                double market = assumptions.compLever(scenarioId, year, levelIds[i], "HIRE", "market_adjustment_multiplier").orElse(1.0);
                JobLevel level = levels.get(i);
                double min = level.minCompensation();
                double max = level.maxCompensation();
                hireAverageCents[y][i] = Cents.round((min + (max - min) * pct * market) * 100);
            }
        }

        List<AgeWeight> ageWeights = assumptions.newHireAgeDistribution(scenarioId);
        hireAges = new int[ageWeights.size()];
        hireAgeWeights = new long[ageWeights.size()];
        long total = 0;
        for (int i = 0; i < ageWeights.size(); i++) {
            hireAges[i] = ageWeights.get(i).hireAge();
            hireAgeWeights[i] = ageWeights.get(i).weightMicros();
            total += hireAgeWeights[i];
        }
        hireAgeTotal = total;

        if (assumptions.newHireLevelDistributionFixed(scenarioId)) {
            fixedLevelWeights = new long[n];
            for (LevelShare share : assumptions.newHireLevelDistribution(scenarioId)) {
                int index = levelIndex(share.levelId());
                if (index >= 0) {
                    fixedLevelWeights[index] = share.shareMicros();
                }
            }
        } else {
            fixedLevelWeights = null;
        }
    }

    /** The same scenario and assumptions for another trial: only the seed key differs (MODEL.md section 6). */
    public ProjectionParameters forTrial(int trial) {
        return trial == this.trial ? this : new ProjectionParameters(this, trial);
    }

    private ProjectionParameters(ProjectionParameters of, int trial) {
        this.scenarioId = of.scenarioId;
        this.trial = trial;
        this.startYear = of.startYear;
        this.endYear = of.endYear;
        this.draws = new RandomDraws(of.seed, trial);
        this.terminationRate = of.terminationRate;
        this.growthRate = of.growthRate;
        this.newHireTerminationRate = of.newHireTerminationRate;
        this.levelIds = of.levelIds;
        this.indexByLevelId = of.indexByLevelId;
        this.levelMinCents = of.levelMinCents;
        this.levelMaxCents = of.levelMaxCents;
        this.ageBands = of.ageBands;
        this.tenureBands = of.tenureBands;
        this.terminationAgeMultiplier = of.terminationAgeMultiplier;
        this.terminationTenureMultiplier = of.terminationTenureMultiplier;
        this.promotionAgeMultiplier = of.promotionAgeMultiplier;
        this.promotionTenureMultiplier = of.promotionTenureMultiplier;
        this.terminationBase = of.terminationBase;
        this.promotionBase = of.promotionBase;
        this.promotionRateMultiplier = of.promotionRateMultiplier;
        this.promotionBaseIncreasePct = of.promotionBaseIncreasePct;
        this.promotionDistributionRange = of.promotionDistributionRange;
        this.promotionMaxCapPct = of.promotionMaxCapPct;
        this.promotionMaxCapCents = of.promotionMaxCapCents;
        this.merit = of.merit;
        this.cola = of.cola;
        this.hireAverageCents = of.hireAverageCents;
        this.hireAges = of.hireAges;
        this.hireAgeWeights = of.hireAgeWeights;
        this.hireAgeTotal = of.hireAgeTotal;
        this.fixedLevelWeights = of.fixedLevelWeights;
        this.seed = of.seed;
        this.hireIdentities = of.hireIdentities();
    }

    synchronized HireIdentities hireIdentities() {
        if (hireIdentities == null) {
            hireIdentities = new HireIdentities();
        }
        return hireIdentities;
    }

    public int years() {
        return endYear - startYear + 1;
    }

    public int levelCount() {
        return levelIds.length;
    }

    public int levelId(int index) {
        return levelIds[index];
    }

    public int maxLevelId() {
        return levelIds[levelIds.length - 1];
    }

    /** Index of a level id in the sorted level table, or -1. */
    public int levelIndex(int levelId) {
        if (levelId >= 0 && levelId < indexByLevelId.length) {
            return indexByLevelId[levelId];
        }
        for (int i = 0; i < levelIds.length; i++) {
            if (levelIds[i] == levelId) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Year-1 level of a census salary: the smallest level whose [min, max) holds it, else the
     * highest level whose min is at most the salary, else the lowest level.
     */
    public int levelForSalary(long salaryCents) {
        for (int i = 0; i < levelIds.length; i++) {
            if (salaryCents >= levelMinCents[i] && salaryCents < levelMaxCents[i]) {
                return levelIds[i];
            }
        }
        for (int i = levelIds.length - 1; i >= 0; i--) {
            if (levelMinCents[i] <= salaryCents) {
                return levelIds[i];
            }
        }
        return levelIds[0];
    }

    public Band ageBand(int age) {
        return ageBands.bandFor(age);
    }

    public Band tenureBand(int tenure) {
        return tenureBands.bandFor(tenure);
    }

    int ageBandIndex(int age) {
        return ageBands.indexFor(age);
    }

    int tenureBandIndex(int tenure) {
        return tenureBands.indexFor(tenure);
    }

    double merit(int year, int levelId) {
        return merit[year - startYear][levelIndex(levelId)];
    }

    double cola(int year, int levelId) {
        return cola[year - startYear][levelIndex(levelId)];
    }

    long hireAverageCents(int year, int levelId) {
        return hireAverageCents[year - startYear][levelIndex(levelId)];
    }

    /** Cumulative-weight source for hire levels: the fixed distribution, or null for adaptive. */
    long[] fixedLevelWeights() {
        return fixedLevelWeights;
    }
}
