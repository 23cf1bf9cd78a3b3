package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** An unknown name close to a known one is a typo and stops the run; anything else is one warning. */
class UnknownKeysTest {
    private static final String SOURCE = "conf/simulation_config.yaml";

    private static ScenarioConfig parse(String yaml) {
        return ScenarioConfig.parse(yaml, SOURCE);
    }

    @Test
    void aMisspelledSectionNamesBoth() {
        assertThatThrownBy(() -> parse("scenario_id: s\nsimulaton:\n  start_year: 2026\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + ": simulaton: did you mean simulation? (line 2)")
                .satisfies(e -> {
                    ConfigException ce = (ConfigException) e;
                    assertThat(ce.keyPath()).isEqualTo("simulaton");
                    assertThat(ce.line()).isEqualTo(2);
                    assertThat(ce.source()).isEqualTo(SOURCE);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            simulation:\\n  start_year: 2025\\n  targt_growth_rate: 0.05 | 3 | simulation.targt_growth_rate | simulation.target_growth_rate
            simulation: {trails: 5}                                      | 1 | simulation.trails            | simulation.trials
            simulation:\\n  start_yr: 2026                               | 2 | simulation.start_yr          | simulation.start_year
            workforce:\\n  total_terminaton_rate: 0.1                    | 2 | workforce.total_terminaton_rate | workforce.total_termination_rate
            compensation:\\n  promotion_compensaton:\\n    max_cap_pct: 1 | 2 | compensation.promotion_compensaton | compensation.promotion_compensation
            compensation:\\n  promotion_compensation:\\n    max_cap_pc: 1 | 3 | compensation.promotion_compensation.max_cap_pc | compensation.promotion_compensation.max_cap_pct
            setup:\\n  plan_year_end_dat: 2024-12-31                    | 2 | setup.plan_year_end_dat      | setup.plan_year_end_date
            workforces:\\n  total_termination_rate: 0.1                 | 1 | workforces                   | workforce
            scenario_idd: x                                              | 1 | scenario_idd                 | scenario_id
            compensation:\\n  setup:\\n    max_reject_fraction: 0.1     | 2 | compensation.setup           | setup
            """)
    void aMisspelledKeyNamesItAndTheKnownOne(String yaml, int line, String written, String meant) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + ": " + written + ": did you mean " + meant + "? (line " + line + ")")
                .satisfies(e -> assertThat(((ConfigException) e).keyPath()).isEqualTo(written))
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(line));
    }

    @Test
    void farAwayUnknownKeysStillOnlyWarn() {
        ScenarioConfig c = parse("""
                simulation:
                  strt_yr: 2026
                  legacy_mode: true
                workforce_planning:
                  enabled: true
                compensation:
                  growth_target: 0.005
                  promotion_compensation:
                    distribution_type: uniform
                enrollment:
                  simulaton: 1
                """);
        // strt_yr is 3 edits from start_year; distribution_type 4 from distribution_range.
        assertThat(c.unknownKeys()).containsExactly("simulation.strt_yr", "simulation.legacy_mode",
                "workforce_planning.*", "compensation.growth_target",
                "compensation.promotion_compensation.distribution_type", "enrollment.*");
        assertThat(c.warning()).startsWith("ignored 6 configuration keys not used by the v1 model: simulation.strt_yr, ");
    }

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(EditDistance.between("simulaton", "simulation")).isEqualTo(1);
        assertThat(EditDistance.between("trails", "trials")).isEqualTo(1);
        assertThat(EditDistance.between("start_yr", "start_year")).isEqualTo(2);
        assertThat(EditDistance.between("strt_yr", "start_year")).isEqualTo(3);
        assertThat(EditDistance.between("", "setup")).isEqualTo(5);
        assertThat(EditDistance.between("setup", "setup")).isZero();
    }
}
