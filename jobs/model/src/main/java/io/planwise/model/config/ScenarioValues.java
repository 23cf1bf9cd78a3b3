package io.planwise.model.config;

import java.util.EnumMap;
import java.util.List;

/**
 * The raw, not yet validated values of a scenario, starting from the {@link ScenarioKey} defaults:
 * String for ids, exact BigDecimal for numbers (also whole ones, until {@link ScenarioConfig} has
 * range-checked them), LocalDate for dates, null for an unset key.
 */
final class ScenarioValues {
    final EnumMap<ScenarioKey, Object> values = new EnumMap<>(ScenarioKey.class);
    List<String> unknownKeys = List.of();

    ScenarioValues() {
        for (ScenarioKey key : ScenarioKey.values()) {
            values.put(key, key.defaultValue());
        }
    }

    Object get(ScenarioKey key) {
        return values.get(key);
    }

    ScenarioValues set(ScenarioKey key, Object value) {
        values.put(key, value);
        return this;
    }
}
