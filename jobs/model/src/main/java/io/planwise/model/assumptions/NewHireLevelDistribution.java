package io.planwise.model.assumptions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * config_new_hire_level_distribution: per scenario, level shares and whether they are used as a
 * fixed distribution (otherwise hires follow the start-of-year headcount by level). Shares are
 * relative weights; they need not add up to 1.
 */
final class NewHireLevelDistribution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, List<LevelShare>> shares;
    private final Map<String, Boolean> fixed;

    private NewHireLevelDistribution(Map<String, List<LevelShare>> shares, Map<String, Boolean> fixed) {
        this.shares = shares;
        this.fixed = fixed;
    }

    /** @param levelIds the job levels, which every level_id must name */
    static NewHireLevelDistribution read(CsvTable table, Set<Integer> levelIds, String jobLevelFile) {
        Map<String, List<LevelShare>> byScenario = new LinkedHashMap<>();
        Map<String, Boolean> fixed = new HashMap<>();
        Map<String, Integer> fixedLine = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvRow row : table.rows()) {
            String scenario = row.key("scenario_id");
            int level = row.integer("level_id");
            if (!levelIds.contains(level)) {
                throw row.error("level_id", "level " + level + " is not a level_id of " + jobLevelFile);
            }
            long share = CsvRow.micros(row.probability("distribution_pct"));
            boolean isFixed = row.bool("use_fixed_distribution");
            Integer earlier = lineOf.putIfAbsent(scenario + "|" + level, row.line());
            if (earlier != null) {
                throw row.error("level_id", "duplicate level_id " + level + " for scenario '" + scenario
                        + "' (first on line " + earlier + ")");
            }
            Boolean agreed = fixed.putIfAbsent(scenario, isFixed);
            fixedLine.putIfAbsent(scenario, row.line());
            if (agreed != null && agreed != isFixed) {
                throw row.error("use_fixed_distribution", "scenario '" + scenario + "' has use_fixed_distribution "
                        + agreed + " on line " + fixedLine.get(scenario) + " but " + isFixed
                        + " here; all rows of a scenario must agree");
            }
            byScenario.computeIfAbsent(scenario, s -> new ArrayList<>()).add(new LevelShare(level, share));
        }
        Map<String, List<LevelShare>> sorted = new HashMap<>();
        for (Map.Entry<String, List<LevelShare>> entry : byScenario.entrySet()) {
            List<LevelShare> list = new ArrayList<>(entry.getValue());
            if (fixed.get(entry.getKey()) && list.stream().allMatch(s -> s.shareMicros() == 0)) {
                throw new AssumptionsException(table.file(), fixedLine.get(entry.getKey()), "distribution_pct",
                        "scenario '" + entry.getKey() + "' uses a fixed distribution but every distribution_pct is zero");
            }
            list.sort(Comparator.comparingInt(LevelShare::levelId));
            sorted.put(entry.getKey(), List.copyOf(list));
        }
        return new NewHireLevelDistribution(Map.copyOf(sorted), Map.copyOf(fixed));
    }

    /** The scenario's rows if it has any, else the {@code default} scenario's, else empty. */
    private String effectiveScenario(String scenarioId) {
        return shares.containsKey(scenarioId) ? scenarioId : Assumptions.DEFAULT_SCENARIO;
    }

    List<LevelShare> shares(String scenarioId) {
        return shares.getOrDefault(effectiveScenario(scenarioId), List.of());
    }

    boolean isFixed(String scenarioId) {
        return fixed.getOrDefault(effectiveScenario(scenarioId), false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewHireLevelDistribution other && shares.equals(other.shares) && fixed.equals(other.fixed);
    }

    @Override
    public int hashCode() {
        return shares.hashCode();
    }
}
