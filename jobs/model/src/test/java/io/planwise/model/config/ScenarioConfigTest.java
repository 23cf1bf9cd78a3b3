package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioConfigTest {
    private static final String SOURCE = "conf/simulation_config.yaml";

    private static ScenarioConfig parse(String yaml) {
        return ScenarioConfig.parse(yaml, SOURCE);
    }

    @Test
    void defaultsAreTheModelDefaults() {
        ScenarioConfig c = ScenarioConfig.defaults();
        assertThat(c.scenarioId()).isEqualTo("default");
        assertThat(c.startYear()).isEqualTo(2025);
        assertThat(c.endYear()).isEqualTo(2029);
        assertThat(c.randomSeed()).isEqualTo(42L);
        assertThat(c.trials()).isEqualTo(1);
        assertThat(c.targetGrowthRate()).isEqualTo(new BigDecimal("0.03"));
        assertThat(c.totalTerminationRate()).isEqualTo(new BigDecimal("0.12"));
        assertThat(c.newHireTerminationRate()).isEqualTo(new BigDecimal("0.25"));
        assertThat(c.colaRate()).isEmpty();
        assertThat(c.meritBudget()).isEmpty();
        assertThat(c.promotionBaseIncreasePct()).isEqualTo(0.20);
        assertThat(c.promotionDistributionRange()).isEqualTo(0.05);
        assertThat(c.promotionMaxCapPct()).isEqualTo(0.30);
        assertThat(c.promotionMaxCapAmountCents()).isEqualTo(50_000_000L);
        assertThat(c.promotionRateMultiplier()).isEqualTo(1.0);
        assertThat(c.censusAsOfDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(c.maxRejectFraction()).isEqualTo(0.05);
        assertThat(c.unknownKeys()).isEmpty();
        assertThat(c.warning()).isNull();
    }

    @Test
    void anEmptyDocumentOrNullValuesGiveTheDefaults() {
        assertThat(parse("")).isEqualTo(ScenarioConfig.defaults());
        assertThat(parse("# only a comment\n")).isEqualTo(ScenarioConfig.defaults());
        assertThat(parse("simulation:\n  start_year:\n  random_seed: ~\ncompensation:\n  cola_rate: null\n"))
                .isEqualTo(ScenarioConfig.defaults());
    }

    @Test
    void readsEveryKeyFromItsPlanWiseLocation() {
        ScenarioConfig c = parse("""
                scenario_id: high_growth-2
                simulation:
                  start_year: 2026
                  end_year: 2030
                  random_seed: 7
                  target_growth_rate: 0.08
                  trials: 25
                workforce:
                  total_termination_rate: 0.08
                  new_hire_termination_rate: 0.15
                compensation:
                  cola_rate: 0.03
                  merit_budget: 0.04
                  promotion_rate_multiplier: 1.5
                  promotion_compensation:
                    base_increase_pct: 0.25
                    distribution_range: 0.075
                    max_cap_pct: 0.40
                    max_cap_amount: 250000.50
                setup:
                  plan_year_end_date: "2025-06-30"
                  max_reject_fraction: 0.2
                """);
        assertThat(c.scenarioId()).isEqualTo("high_growth-2");
        assertThat(c.startYear()).isEqualTo(2026);
        assertThat(c.endYear()).isEqualTo(2030);
        assertThat(c.randomSeed()).isEqualTo(7L);
        assertThat(c.trials()).isEqualTo(25);
        assertThat(c.targetGrowthRate()).isEqualTo(new BigDecimal("0.08"));
        assertThat(c.totalTerminationRate()).isEqualTo(new BigDecimal("0.08"));
        assertThat(c.newHireTerminationRate()).isEqualTo(new BigDecimal("0.15"));
        assertThat(c.colaRate()).isEqualTo(OptionalDouble.of(0.03));
        assertThat(c.meritBudget()).isEqualTo(OptionalDouble.of(0.04));
        assertThat(c.promotionRateMultiplier()).isEqualTo(1.5);
        assertThat(c.promotionBaseIncreasePct()).isEqualTo(0.25);
        assertThat(c.promotionDistributionRange()).isEqualTo(0.075);
        assertThat(c.promotionMaxCapPct()).isEqualTo(0.40);
        assertThat(c.promotionMaxCapAmountCents()).isEqualTo(25_000_050L);
        assertThat(c.censusAsOfDate()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(c.maxRejectFraction()).isEqualTo(0.2);
        assertThat(c.unknownKeys()).isEmpty();
    }

    @Test
    void ratesAreTheExactDecimalsWritten() {
        ScenarioConfig c = parse("workforce: {total_termination_rate: 0.1, new_hire_termination_rate: 0.3}\n"
                + "simulation: {target_growth_rate: 0.07}\n");
        assertThat(new BigDecimal("0.1").equals(c.totalTerminationRate())).isTrue();
        assertThat(new BigDecimal("0.3").equals(c.newHireTerminationRate())).isTrue();
        assertThat(new BigDecimal("0.07").equals(c.targetGrowthRate())).isTrue();
        // 0.1 + 0.2 is not 0.3 in doubles; the config never goes through one.
        assertThat(c.totalTerminationRate().add(new BigDecimal("0.2"))).isEqualTo(c.newHireTerminationRate());
    }

    @Test
    void trailingZerosExponentsAndQuotesDoNotChangeTheValue() {
        assertThat(parse("workforce: {total_termination_rate: 0.10}").totalTerminationRate())
                .isEqualTo(new BigDecimal("0.1"));
        assertThat(parse("workforce: {total_termination_rate: 1e-1}").totalTerminationRate())
                .isEqualTo(new BigDecimal("0.1"));
        assertThat(parse("workforce: {total_termination_rate: '0.1'}").totalTerminationRate())
                .isEqualTo(new BigDecimal("0.1"));
        assertThat(parse("simulation: {target_growth_rate: 0}").targetGrowthRate()).isEqualTo(BigDecimal.ZERO);
        assertThat(parse("simulation: {target_growth_rate: -0.050}").targetGrowthRate())
                .isEqualTo(new BigDecimal("-0.05"));
        assertThat(parse("simulation: {start_year: 2025.0, end_year: 2.026e3}").endYear()).isEqualTo(2026);
        assertThat(parse("compensation: {promotion_compensation: {max_cap_amount: 500_000}}")
                .promotionMaxCapAmountCents()).isEqualTo(50_000_000L);
    }

    @Test
    void theCensusAsOfDateFollowsTheStartYearUnlessSet() {
        assertThat(parse("simulation: {start_year: 2030, end_year: 2031}").censusAsOfDate())
                .isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(ScenarioConfig.defaults().withYears(2027, 2028).censusAsOfDate())
                .isEqualTo(LocalDate.of(2026, 12, 31));
        ScenarioConfig explicit = parse("setup: {plan_year_end_date: 2024-09-30}");
        assertThat(explicit.censusAsOfDate()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(explicit.withYears(2027, 2028).censusAsOfDate()).isEqualTo(LocalDate.of(2024, 9, 30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            workforce.total_termination_rate       | workforce:\\n  total_termination_rate: 1.5                     | 2 | = 1.5 is out of range [0, 1]
            workforce.total_termination_rate       | workforce:\\n  total_termination_rate: -0.01                  | 2 | = -0.01 is out of range [0, 1]
            workforce.new_hire_termination_rate    | workforce:\\n  new_hire_termination_rate: 0.96                | 2 | = 0.96 is out of range [0, 0.95]
            simulation.target_growth_rate          | simulation:\\n  target_growth_rate: -0.6                      | 2 | = -0.6 is out of range [-0.5, 1.0]
            simulation.target_growth_rate          | simulation:\\n  target_growth_rate: 1.01                      | 2 | = 1.01 is out of range [-0.5, 1.0]
            compensation.cola_rate                 | compensation:\\n  cola_rate: 0.51                             | 2 | = 0.51 is out of range [-0.5, 0.5]
            compensation.merit_budget              | compensation:\\n  merit_budget: -0.01                         | 2 | = -0.01 is out of range [0, 0.5]
            compensation.promotion_rate_multiplier | compensation:\\n  promotion_rate_multiplier: -1               | 2 | = -1 is out of range: it must be at least 0
            simulation.random_seed                 | simulation:\\n  random_seed: -1                               | 2 | = -1 is out of range [0, 9223372036854775807]
            simulation.random_seed                 | simulation:\\n  random_seed: 9223372036854775808              | 2 | = 9223372036854775808 is out of range [0, 9223372036854775807]
            simulation.trials                      | simulation:\\n  trials: 0                                     | 2 | = 0 is out of range [1, 100000]
            simulation.start_year                  | simulation:\\n  start_year: 1899                              | 2 | = 1899 is out of range [1900, 9999]
            setup.max_reject_fraction              | \\n\\nsetup:\\n  max_reject_fraction: 1.2                     | 4 | = 1.2 is out of range [0, 1]
            compensation.promotion_compensation.base_increase_pct  | compensation:\\n  promotion_compensation:\\n    base_increase_pct: 2 | 3 | = 2 is out of range [0, 1]
            compensation.promotion_compensation.distribution_range | compensation:\\n  promotion_compensation:\\n    distribution_range: -0.05 | 3 | = -0.05 is out of range [0, 1]
            compensation.promotion_compensation.max_cap_pct        | compensation:\\n  promotion_compensation:\\n    max_cap_pct: -0.3 | 3 | = -0.3 is out of range: it must be at least 0
            compensation.promotion_compensation.max_cap_amount     | compensation:\\n  promotion_compensation:\\n    max_cap_amount: -5 | 3 | = -5 is out of range [0, 1000000000000]
            """)
    void anOutOfRangeValueNamesFileKeyAndLine(String key, String yaml, int line, String problem) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + ": " + key + " " + problem + " (line " + line + ")")
                .satisfies(e -> {
                    ConfigException ce = (ConfigException) e;
                    assertThat(ce.keyPath()).isEqualTo(key);
                    assertThat(ce.line()).isEqualTo(line);
                    assertThat(ce.source()).isEqualTo(SOURCE);
                });
    }

    @Test
    void theBriefsExampleMessage() {
        assertThatThrownBy(() -> parse("workforce:\n  total_termination_rate: 1.5\n"))
                .hasMessageContaining("simulation_config.yaml: workforce.total_termination_rate = 1.5 is out of range [0, 1]");
    }

    @Test
    void wrongTypesNameTheKey() {
        assertThatThrownBy(() -> parse("workforce:\n  total_termination_rate: twelve percent\n"))
                .hasMessage(SOURCE + ": workforce.total_termination_rate = 'twelve percent' is not a number (line 2)");
        assertThatThrownBy(() -> parse("simulation:\n  start_year: '2025a'\n"))
                .hasMessage(SOURCE + ": simulation.start_year = '2025a' is not a number (line 2)");
        assertThatThrownBy(() -> parse("simulation:\n  start_year: 2025.5\n"))
                .hasMessage(SOURCE + ": simulation.start_year = 2025.5 is not a whole number (line 2)");
        assertThatThrownBy(() -> parse("compensation:\n  cola_rate: true\n"))
                .hasMessage(SOURCE + ": compensation.cola_rate = 'true' is not a number (line 2)");
        assertThatThrownBy(() -> parse("compensation:\n  cola_rate: [0.01, 0.02]\n"))
                .hasMessage(SOURCE + ": compensation.cola_rate must be a single value, not a list (line 2)");
        assertThatThrownBy(() -> parse("compensation:\n  promotion_compensation: 0.2\n"))
                .hasMessage(SOURCE + ": compensation.promotion_compensation must be a mapping of keys, not '0.2' (line 2)");
        assertThatThrownBy(() -> parse("workforce: 0.12\n"))
                .hasMessage(SOURCE + ": workforce must be a mapping of keys, not '0.12' (line 1)");
        assertThatThrownBy(() -> parse("setup:\n  plan_year_end_date: 2024-13-01\n"))
                .hasMessage(SOURCE + ": setup.plan_year_end_date = '2024-13-01' is not a date (YYYY-MM-DD) (line 2)");
        assertThatThrownBy(() -> parse("simulation:\n  random_seed: .inf\n"))
                .hasMessage(SOURCE + ": simulation.random_seed = '.inf' is not a number (line 2)");
        assertThatThrownBy(() -> parse("simulation:\n  target_growth_rate: 1e999999999\n"))
                .hasMessage(SOURCE + ": simulation.target_growth_rate = '1e999999999' is out of any usable range (line 2)");
    }

    @Test
    void scenarioIdMustBeASafeName() {
        assertThatThrownBy(() -> parse("\nscenario_id: 'my scenario'\n"))
                .hasMessage(SOURCE + ": scenario_id = 'my scenario' is not a valid id: use 1 to 64 letters, digits, '_' or '-' (line 2)");
        assertThatThrownBy(() -> parse("scenario_id: '" + "a".repeat(65) + "'"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenario_id");
        assertThat(parse("scenario_id: " + "a".repeat(64)).scenarioId()).hasSize(64);
    }

    @Test
    void yearsMustBeOrderedAndSpanAtMostFiftyYears() {
        assertThatThrownBy(() -> parse("simulation:\n  start_year: 2025\n  end_year: 2024\n"))
                .hasMessage(SOURCE + ": simulation.end_year = 2024 is before simulation.start_year = 2025 (line 3)");
        assertThatThrownBy(() -> parse("simulation:\n  start_year: 2025\n  end_year: 2075\n"))
                .hasMessage(SOURCE + ": simulation.end_year = 2075 gives 51 simulated years from simulation.start_year = 2025;"
                        + " at most 50 are allowed (line 3)");
        assertThat(parse("simulation: {start_year: 2025, end_year: 2074}").endYear()).isEqualTo(2074);
        assertThat(parse("simulation: {start_year: 2025, end_year: 2025}").endYear()).isEqualTo(2025);
    }

    @Test
    void theCensusAsOfDateMustPrecedeTheFirstYear() {
        assertThatThrownBy(() -> parse("setup:\n  plan_year_end_date: '2025-01-01'\n"))
                .hasMessage(SOURCE + ": setup.plan_year_end_date = 2025-01-01 is not before the first simulated year"
                        + " (simulation.start_year = 2025) (line 2)");
    }

    @Test
    void maxCapAmountMustBeWholeCents() {
        assertThatThrownBy(() -> parse("compensation: {promotion_compensation: {max_cap_amount: 100.005}}"))
                .hasMessage(SOURCE + ": compensation.promotion_compensation.max_cap_amount = 100.005"
                        + " is not a whole number of cents (line 1)");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThatThrownBy(() -> parse("simulation:\n  start_year: 2025\n  end_year: [2029\nworkforce:\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(SOURCE + ": malformed YAML at line ")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isGreaterThanOrEqualTo(3))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> parse("a: 1\n b: 2\n"))
                .hasMessageStartingWith(SOURCE + ": malformed YAML at line 2");
        assertThatThrownBy(() -> parse("- 1\n- 2\n"))
                .hasMessage(SOURCE + ": the top level must be a mapping of keys (line 1)");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> parse("workforce:\n  total_termination_rate: 0.1\n  total_termination_rate: 0.2\n"))
                .hasMessage(SOURCE + ": malformed YAML at line 3: duplicate key 'total_termination_rate' (first on line 2)");
    }

    @Test
    void aliasesAreRejectedRatherThanMisread() {
        assertThatThrownBy(() -> parse("rates: &t 0.15\nworkforce:\n  total_termination_rate: *t\n"))
                .hasMessage(SOURCE + ": YAML aliases are not supported: *t at line 3; write the value itself");
    }

    @Test
    void unknownKeysAreListedCompactlyInOneWarning() {
        ScenarioConfig c = parse("""
                simulation:
                  start_year: 2025
                  legacy_mode: true
                enrollment:
                  auto_enrollment:
                    enabled: true
                compensation:
                  growth_target: 0.005
                  promotion_compensation:
                    distribution_type: uniform
                    advanced:
                      normal_std_dev: 0.02
                empty_section: {}
                storage: 3
                """);
        assertThat(c.unknownKeys()).containsExactly("simulation.legacy_mode", "enrollment.*",
                "compensation.growth_target", "compensation.promotion_compensation.distribution_type",
                "compensation.promotion_compensation.advanced.*", "empty_section", "storage");
        assertThat(c.warning()).isEqualTo("ignored 7 configuration keys not used by the v1 model: simulation.legacy_mode,"
                + " enrollment.*, compensation.growth_target, compensation.promotion_compensation.distribution_type,"
                + " compensation.promotion_compensation.advanced.*, empty_section, storage");
    }

    @Test
    void overridesAreAppliedAndValidatedAgain() {
        ScenarioConfig base = parse("scenario_id: base\nsimulation:\n  start_year: 2025\n  end_year: 2029\n"
                + "workforce:\n  total_termination_rate: 0.1\nextra: 1\n");
        ScenarioConfig changed = base.withScenarioId("other").withYears(2026, 2027).withSeed(99);
        assertThat(changed.scenarioId()).isEqualTo("other");
        assertThat(changed.startYear()).isEqualTo(2026);
        assertThat(changed.endYear()).isEqualTo(2027);
        assertThat(changed.randomSeed()).isEqualTo(99L);
        assertThat(changed.totalTerminationRate()).isEqualTo(new BigDecimal("0.1"));
        assertThat(changed.unknownKeys()).containsExactly("extra");
        assertThat(base.scenarioId()).isEqualTo("base");

        String overridden = SOURCE + " (with command-line overrides)";
        assertThatThrownBy(() -> base.withYears(2030, 2029))
                .hasMessage(overridden + ": simulation.end_year = 2029 is before simulation.start_year = 2030");
        assertThatThrownBy(() -> base.withYears(2000, 2050))
                .hasMessageStartingWith(overridden + ": simulation.end_year = 2050 gives 51 simulated years");
        assertThatThrownBy(() -> base.withSeed(-5))
                .hasMessage(overridden + ": simulation.random_seed = -5 is out of range [0, 9223372036854775807]");
        assertThatThrownBy(() -> base.withScenarioId("a/b"))
                .hasMessageStartingWith(overridden + ": scenario_id = 'a/b' is not a valid id");
        assertThatThrownBy(() -> ScenarioConfig.defaults().withSeed(-1))
                .hasMessageStartingWith("built-in defaults (with command-line overrides): simulation.random_seed = -1");
        // A value still from the file keeps its line when an override makes it invalid.
        ScenarioConfig asOf = parse("setup:\n  plan_year_end_date: '2026-12-31'\nsimulation: {start_year: 2027, end_year: 2028}\n");
        assertThatThrownBy(() -> asOf.withYears(2026, 2028))
                .hasMessage(overridden + ": setup.plan_year_end_date = 2026-12-31 is not before the first simulated year"
                        + " (simulation.start_year = 2026) (line 2)");
    }

    @Test
    void describeListsTheEffectiveValues() {
        ScenarioConfig c = parse("compensation: {cola_rate: 0.020}\nsimulation: {trials: 3}");
        assertThat(c.describe())
                .containsEntry("scenario_id", "default")
                .containsEntry("simulation.start_year", 2025)
                .containsEntry("simulation.random_seed", 42L)
                .containsEntry("simulation.trials", 3)
                .containsEntry("simulation.detail_trials", 1)
                .containsEntry("simulation.min_trials_for_bands", 10)
                .containsEntry("simulation.target_growth_rate", new BigDecimal("0.03"))
                .containsEntry("compensation.cola_rate", new BigDecimal("0.02"))
                .containsEntry("compensation.merit_budget", null)
                .containsEntry("compensation.promotion_compensation.max_cap_amount", new BigDecimal("500000"))
                .containsEntry("setup.plan_year_end_date", "2024-12-31")
                .containsEntry("setup.max_reject_fraction", new BigDecimal("0.05"))
                .hasSize(19);
    }

    @Test
    void detailTrialsCannotExceedTrialsAndBandsNeedTwoTrials() {
        assertThatThrownBy(() -> parse("simulation: {trials: 4, detail_trials: 5}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("simulation.detail_trials = 5 is more than simulation.trials = 4");
        assertThatThrownBy(() -> parse("simulation: {min_trials_for_bands: 1}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("simulation.min_trials_for_bands = 1 is out of range");
        ScenarioConfig c = parse("simulation: {trials: 1000, detail_trials: 3, min_trials_for_bands: 50}");
        assertThat(c.trials()).isEqualTo(1000);
        assertThat(c.detailTrials()).isEqualTo(3);
        assertThat(c.minTrialsForBands()).isEqualTo(50);
        assertThat(c.withTrials(20, 2).trials()).isEqualTo(20);
        assertThatThrownBy(() -> c.withTrials(2, 3)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("simulation.detail_trials = 3 is more than simulation.trials = 2");
        assertThatThrownBy(() -> c.withTrials(100_001, 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("simulation.trials = 100001 is out of range [1, 100000]");
    }

    @Test
    void loadNamesAMissingFile() {
        Path missing = Path.of("target", "no-such-dir", "simulation_config.yaml");
        assertThatThrownBy(() -> ScenarioConfig.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(missing + ": cannot read the file");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ScenarioConfig c = parse("scenario_id: s1\ncompensation: {merit_budget: 0.04}\nother: {a: 1}\n").withSeed(5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ScenarioConfig copy = (ScenarioConfig) in.readObject();
            assertThat(copy).isEqualTo(c);
            assertThat(copy.meritBudget()).isEqualTo(OptionalDouble.of(0.04));
            assertThat(copy.warning()).isEqualTo(c.warning());
        }
    }
}
