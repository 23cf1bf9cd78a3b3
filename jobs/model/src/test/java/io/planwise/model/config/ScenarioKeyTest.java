package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The key table drives reading, validation, the run record and the SQL parameters. */
class ScenarioKeyTest {
    private static final String SOURCE = "conf/simulation_config.yaml";

    /**
     * A valid value other than the default for every declared key, as written in YAML. A new key
     * fails {@link #everyKeyHasASample} until it gets one here.
     */
    private static final Map<ScenarioKey, String> SAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(ScenarioKey.SCENARIO_ID, "round_trip-1"),
            Map.entry(ScenarioKey.START_YEAR, "2027"),
            Map.entry(ScenarioKey.END_YEAR, "2031"),
            Map.entry(ScenarioKey.RANDOM_SEED, "9223372036854775807"),
            Map.entry(ScenarioKey.TRIALS, "12"),
            Map.entry(ScenarioKey.DETAIL_TRIALS, "3"),
            Map.entry(ScenarioKey.MIN_TRIALS_FOR_BANDS, "20"),
            Map.entry(ScenarioKey.TARGET_GROWTH_RATE, "-0.015"),
            Map.entry(ScenarioKey.TOTAL_TERMINATION_RATE, "0.17"),
            Map.entry(ScenarioKey.NEW_HIRE_TERMINATION_RATE, "0.4"),
            Map.entry(ScenarioKey.COLA_RATE, "0.021"),
            Map.entry(ScenarioKey.MERIT_BUDGET, "0.033"),
            Map.entry(ScenarioKey.PROMOTION_RATE_MULTIPLIER, "2.5"),
            Map.entry(ScenarioKey.PROMOTION_BASE_INCREASE_PCT, "0.15"),
            Map.entry(ScenarioKey.PROMOTION_DISTRIBUTION_RANGE, "0.02"),
            Map.entry(ScenarioKey.PROMOTION_MAX_CAP_PCT, "0.45"),
            Map.entry(ScenarioKey.PROMOTION_MAX_CAP_AMOUNT, "123456.78"),
            Map.entry(ScenarioKey.PLAN_YEAR_END_DATE, "2024-06-30"),
            Map.entry(ScenarioKey.MAX_REJECT_FRACTION, "0.125")));

    @Test
    void everyKeyHasASample() {
        assertThat(SAMPLES.keySet()).as("add a sample value for each new key to SAMPLES")
                .containsExactly(ScenarioKey.values());
    }

    @Test
    void everyDeclaredKeyRoundTripsThroughYamlToDescribe() {
        ScenarioConfig c = ScenarioConfig.parse(yaml(SAMPLES), SOURCE);
        assertThat(c.unknownKeys()).isEmpty();
        Map<String, Object> described = c.describe();
        assertThat(described.keySet()).containsExactlyElementsOf(Stream.of(ScenarioKey.values()).map(ScenarioKey::path).toList());
        for (ScenarioKey key : ScenarioKey.values()) {
            assertThat(described.get(key.path())).as(key.path()).isEqualTo(expected(key, SAMPLES.get(key)));
            assertThat(described.get(key.path())).as(key.path()).isNotEqualTo(ScenarioConfig.defaults().describe().get(key.path()));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioKey.class)
    void eachKeyAloneIsReadFromItsPathAndTheOthersKeepTheirDefaults(ScenarioKey key) {
        Map<ScenarioKey, String> written = new EnumMap<>(Map.of(key, SAMPLES.get(key)));
        Map<String, Object> defaults = new LinkedHashMap<>(ScenarioConfig.defaults().describe());
        if (key == ScenarioKey.DETAIL_TRIALS) {
            // detail_trials may not exceed trials, whose default is 1.
            written.put(ScenarioKey.TRIALS, SAMPLES.get(ScenarioKey.TRIALS));
            defaults.put(ScenarioKey.TRIALS.path(), expected(ScenarioKey.TRIALS, SAMPLES.get(ScenarioKey.TRIALS)));
        }
        ScenarioConfig c = ScenarioConfig.parse(yaml(written), SOURCE);
        if (key == ScenarioKey.START_YEAR) {
            defaults.put(ScenarioKey.PLAN_YEAR_END_DATE.path(), "2026-12-31"); // derived from the start year
        }
        defaults.put(key.path(), expected(key, SAMPLES.get(key)));
        assertThat(c.describe()).isEqualTo(defaults);
        assertThat(c.value(key)).isNotNull();
    }

    @Test
    void theDescribedShapesFollowTheType() {
        Map<String, Object> d = ScenarioConfig.defaults().describe();
        for (ScenarioKey key : ScenarioKey.values()) {
            Object value = d.get(key.path());
            if (value == null) {
                continue; // unset
            }
            Class<?> shape = switch (key.type()) {
                case ID, DATE -> String.class;
                case INTEGER -> Integer.class;
                case LONG -> Long.class;
                case DECIMAL -> BigDecimal.class;
            };
            assertThat(value).as(key.path()).isInstanceOf(shape);
        }
    }

    static Stream<ScenarioKey> numberKeys() {
        return Stream.of(ScenarioKey.values()).filter(k -> k.type().isNumber());
    }

    @ParameterizedTest
    @MethodSource("numberKeys")
    void aValueBelowTheRangeNamesTheKeyPathAndLine(ScenarioKey key) {
        DecimalRange range = key.range();
        BigDecimal below = range.min().subtract(BigDecimal.ONE);
        String yaml = "\n" + yaml(Map.of(key, below.toPlainString()));
        int line = key.path().split("\\.").length + 1;
        assertThatThrownBy(() -> ScenarioConfig.parse(yaml, SOURCE))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + ": " + key.path() + " " + range.outOfRange(ScenarioConfigReader.canonical(below))
                        + " (line " + line + ")")
                .satisfies(e -> assertThat(((ConfigException) e).keyPath()).isEqualTo(key.path()));
    }

    @Test
    void sectionsAndLevelsComeFromThePaths() {
        assertThat(ScenarioKey.namesIn("")).containsExactly("scenario_id", "simulation", "workforce", "compensation", "setup");
        assertThat(ScenarioKey.namesIn("compensation")).containsExactly("compensation.cola_rate",
                "compensation.merit_budget", "compensation.promotion_rate_multiplier", "compensation.promotion_compensation");
        assertThat(ScenarioKey.topLevelSections()).containsExactly("simulation", "workforce", "compensation", "setup");
        assertThat(ScenarioKey.isSection("compensation.promotion_compensation")).isTrue();
        assertThat(ScenarioKey.isSection("simulation.start_year")).isFalse();
        assertThat(ScenarioKey.byPath("workforce.total_termination_rate")).isEqualTo(ScenarioKey.TOTAL_TERMINATION_RATE);
    }

    /** The SQL models read these columns by name (dbt-equivalent-sql/models); renaming one breaks them. */
    @Test
    void paramsColumnsAreTheOnesTheSqlModelsRead() {
        List<String> columns = new ArrayList<>();
        for (ScenarioKey key : ScenarioKey.values()) {
            for (ParamsForm form : key.paramsForms()) {
                if (form == ParamsForm.EXACT) {
                    columns.add(key.paramsColumn() + "_units");
                    columns.add(key.paramsColumn() + "_denominator");
                } else {
                    columns.add(key.paramsColumn());
                }
            }
        }
        assertThat(columns).containsExactlyInAnyOrder("scenario_id", "start_year", "end_year", "random_seed",
                "trials", "detail_trials", "min_trials_for_bands",
                "census_as_of_date", "total_termination_rate",
                "target_growth_rate_units", "target_growth_rate_denominator",
                "new_hire_termination_rate_units", "new_hire_termination_rate_denominator",
                "max_reject_fraction_units", "max_reject_fraction_denominator", "max_reject_fraction",
                "cola_rate", "merit_budget", "promotion_rate_multiplier", "promotion_base_increase_pct",
                "promotion_distribution_range", "promotion_max_cap_pct", "promotion_max_cap_cents");
    }

    private static Object expected(ScenarioKey key, String written) {
        return key.type().describe(key.type().parse(written));
    }

    /** Block YAML holding each value at its key's dotted path, sections in first-use order. */
    static String yaml(Map<ScenarioKey, String> values) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (ScenarioKey key : ScenarioKey.values()) {
            if (!values.containsKey(key)) {
                continue;
            }
            String[] parts = key.path().split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) node.computeIfAbsent(parts[i], p -> new LinkedHashMap<>());
                node = inner;
            }
            node.put(parts[parts.length - 1], values.get(key));
        }
        StringBuilder out = new StringBuilder();
        write(tree, "", out);
        return out.toString();
    }

    private static void write(Map<String, Object> node, String indent, StringBuilder out) {
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> inner) {
                out.append(indent).append(entry.getKey()).append(":\n");
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) inner;
                write(section, indent + "  ", out);
            } else {
                out.append(indent).append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
            }
        }
    }
}
