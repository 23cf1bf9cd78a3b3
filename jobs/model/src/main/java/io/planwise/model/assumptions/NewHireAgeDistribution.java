package io.planwise.model.assumptions;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** config_new_hire_age_distribution: per scenario, integer weights over hire ages. */
final class NewHireAgeDistribution implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Hires younger than 14 are what the census check warns about; older than 100 is no hire. */
    private static final int MIN_AGE = 14;
    private static final int MAX_AGE = 100;
    /** Weights are relative, not necessarily fractions; the bound keeps their sum far inside a long. */
    private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000);

    private final Map<String, List<AgeWeight>> byScenario;

    private NewHireAgeDistribution(Map<String, List<AgeWeight>> byScenario) {
        this.byScenario = byScenario;
    }

    static NewHireAgeDistribution read(CsvTable table) {
        Map<String, List<AgeWeight>> byScenario = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvRow row : table.rows()) {
            String scenario = row.key("scenario_id");
            int age = row.integer("hire_age");
            if (age < MIN_AGE || age > MAX_AGE) {
                throw row.error("hire_age", "'" + row.text("hire_age") + "' is outside [" + MIN_AGE + ", " + MAX_AGE + "]");
            }
            long weight = CsvRow.micros(row.inRange("age_weight", BigDecimal.ZERO, MAX_WEIGHT));
            Integer earlier = lineOf.putIfAbsent(scenario + "|" + age, row.line());
            if (earlier != null) {
                throw row.error("hire_age", "duplicate hire_age " + age + " for scenario '" + scenario
                        + "' (first on line " + earlier + ")");
            }
            firstLine.putIfAbsent(scenario, row.line());
            byScenario.computeIfAbsent(scenario, s -> new ArrayList<>()).add(new AgeWeight(age, weight));
        }
        Map<String, List<AgeWeight>> sorted = new HashMap<>();
        for (Map.Entry<String, List<AgeWeight>> entry : byScenario.entrySet()) {
            List<AgeWeight> weights = new ArrayList<>(entry.getValue());
            if (weights.stream().allMatch(w -> w.weightMicros() == 0)) {
                // A categorical draw needs a positive total weight.
                throw new AssumptionsException(table.file(), firstLine.get(entry.getKey()), "age_weight",
                        "every age_weight of scenario '" + entry.getKey() + "' is zero (after rounding to 10^-6)");
            }
            weights.sort(Comparator.comparingInt(AgeWeight::hireAge));
            sorted.put(entry.getKey(), List.copyOf(weights));
        }
        return new NewHireAgeDistribution(Map.copyOf(sorted));
    }

    /** The scenario's rows, else the {@code default} scenario's, else empty. */
    List<AgeWeight> forScenario(String scenarioId) {
        List<AgeWeight> rows = byScenario.get(scenarioId);
        return rows != null ? rows : byScenario.getOrDefault(Assumptions.DEFAULT_SCENARIO, List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewHireAgeDistribution other && byScenario.equals(other.byScenario);
    }

    @Override
    public int hashCode() {
        return byScenario.hashCode();
    }
}
