package io.planwise.model.assumptions;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The comp_levers rows v1 reads (RAISE merit_base and cola_rate, HIRE compensation_percentile and
 * market_adjustment_multiplier). PlanWise's file also carries levers for features v1 does not
 * model (deferral escalation, promotion probabilities, …); those rows are skipped unread, so they
 * cannot fail a run.
 */
final class CompLevers implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The levers v1 reads, with the values that make sense for each. */
    private enum Lever {
        MERIT_BASE("RAISE", "merit_base", "0", "0.5"),
        COLA_RATE("RAISE", "cola_rate", "-0.5", "0.5"),
        COMPENSATION_PERCENTILE("HIRE", "compensation_percentile", "0", "1"),
        MARKET_ADJUSTMENT_MULTIPLIER("HIRE", "market_adjustment_multiplier", "0", "10");

        final String eventType;
        final String parameterName;
        final BigDecimal min;
        final BigDecimal max;

        Lever(String eventType, String parameterName, String min, String max) {
            this.eventType = eventType;
            this.parameterName = parameterName;
            this.min = new BigDecimal(min);
            this.max = new BigDecimal(max);
        }

        static Lever of(String eventType, String parameterName) {
            for (Lever lever : values()) {
                if (lever.eventType.equals(eventType) && lever.parameterName.equals(parameterName)) {
                    return lever;
                }
            }
            return null;
        }
    }

    /** scenario → lever → level → fiscal year → value. */
    private final Map<String, Map<Lever, Map<Integer, TreeMap<Integer, Double>>>> values;

    private CompLevers(Map<String, Map<Lever, Map<Integer, TreeMap<Integer, Double>>>> values) {
        this.values = values;
    }

    static CompLevers read(CsvTable table) {
        Map<String, Map<Lever, Map<Integer, TreeMap<Integer, Double>>>> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvRow row : table.rows()) {
            Lever lever = Lever.of(row.text("event_type"), row.text("parameter_name"));
            if (lever == null) {
                continue;
            }
            String scenario = row.key("scenario_id");
            int year = row.integer("fiscal_year");
            int level = row.integer("job_level");
            BigDecimal value = row.inRange("parameter_value", lever.min, lever.max);
            String key = scenario + "|" + year + "|" + level + "|" + lever;
            Integer earlier = lineOf.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw row.error("parameter_value", "duplicate " + lever.eventType + " " + lever.parameterName
                        + " for scenario '" + scenario + "', fiscal_year " + year + ", job_level " + level
                        + " (first on line " + earlier + ")");
            }
            values.computeIfAbsent(scenario, s -> new HashMap<>())
                    .computeIfAbsent(lever, l -> new HashMap<>())
                    .computeIfAbsent(level, l -> new TreeMap<>())
                    .put(year, value.doubleValue());
        }
        return new CompLevers(values);
    }

    OptionalDouble lookup(String scenarioId, int year, int levelId, String eventType, String parameterName) {
        Lever lever = Lever.of(eventType, parameterName);
        if (lever == null) {
            return OptionalDouble.empty();
        }
        Map<Integer, TreeMap<Integer, Double>> byLevel = rows(scenarioId, lever);
        if (byLevel == null) {
            byLevel = rows(Assumptions.DEFAULT_SCENARIO, lever);
        }
        TreeMap<Integer, Double> byYear = byLevel == null ? null : byLevel.get(levelId);
        if (byYear == null) {
            return OptionalDouble.empty();
        }
        Map.Entry<Integer, Double> entry = byYear.floorEntry(year);
        return OptionalDouble.of((entry != null ? entry : byYear.firstEntry()).getValue());
    }

    private Map<Integer, TreeMap<Integer, Double>> rows(String scenarioId, Lever lever) {
        Map<Lever, Map<Integer, TreeMap<Integer, Double>>> byLever = values.get(scenarioId);
        return byLever == null ? null : byLever.get(lever);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompLevers other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
