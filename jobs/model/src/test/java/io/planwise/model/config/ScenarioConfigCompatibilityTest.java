package io.planwise.model.config;

import io.planwise.testing.PlanwiseData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PlanWise's own configuration files, unchanged, from ../shared/planwise_data (skipped when absent). */
@Tag("planwise-data")
class ScenarioConfigCompatibilityTest {
    private Path data;

    @BeforeEach
    void findData() {
        data = PlanwiseData.require();
    }

    @Test
    void planWiseSimulationConfig() {
        ScenarioConfig c = ScenarioConfig.load(data.resolve("config/simulation_config.yaml"));
        assertThat(c.scenarioId()).isEqualTo("default");
        assertThat(c.startYear()).isEqualTo(2025);
        assertThat(c.endYear()).isEqualTo(2029);
        assertThat(c.randomSeed()).isEqualTo(42L);
        assertThat(c.trials()).isEqualTo(1);
        assertThat(c.targetGrowthRate()).isEqualTo(new BigDecimal("0.03"));
        assertThat(c.totalTerminationRate()).isEqualTo(new BigDecimal("0.12"));
        assertThat(c.newHireTerminationRate()).isEqualTo(new BigDecimal("0.25"));
        assertThat(c.colaRate()).isEqualTo(OptionalDouble.of(0.02));
        assertThat(c.meritBudget()).isEqualTo(OptionalDouble.of(0.035));
        assertThat(c.promotionBaseIncreasePct()).isEqualTo(0.20);
        assertThat(c.promotionDistributionRange()).isEqualTo(0.05);
        assertThat(c.promotionMaxCapPct()).isEqualTo(0.30);
        assertThat(c.promotionMaxCapAmountCents()).isEqualTo(50_000_000L);
        assertThat(c.censusAsOfDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(c.unknownKeys())
                .contains("setup.clear_tables", "setup.plan_year_start_date", "compensation.growth_target",
                        "compensation.promotion_compensation.distribution_type",
                        "compensation.promotion_compensation.advanced.*", "new_hire_compensation.*",
                        "enrollment.*", "employer_match.*", "ops.*", "storage.*")
                .doesNotContain("simulation.start_year", "setup.plan_year_end_date", "compensation.cola_rate");
        assertThat(c.warning())
                .startsWith("ignored " + c.unknownKeys().size() + " configuration keys not used by the v1 model: setup.clear_tables, ")
                .doesNotContain("\n");
    }

    @Test
    void invariantFixtureConfig() {
        ScenarioConfig c = ScenarioConfig.load(data.resolve("fixtures/invariant_config.yaml"));
        assertThat(c.scenarioId()).isEqualTo("invariant_reference");
        assertThat(c.startYear()).isEqualTo(2025);
        assertThat(c.endYear()).isEqualTo(2027);
        assertThat(c.randomSeed()).isEqualTo(113435436L);
        assertThat(new BigDecimal("0.02").equals(c.targetGrowthRate())).isTrue();
        assertThat(new BigDecimal("0.1").equals(c.totalTerminationRate())).isTrue(); // written 0.10
        assertThat(new BigDecimal("0.15").equals(c.newHireTerminationRate())).isTrue();
        assertThat(c.colaRate()).isEqualTo(OptionalDouble.of(0.02));
        assertThat(c.meritBudget()).isEqualTo(OptionalDouble.of(0.035));
        assertThat(c.censusAsOfDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(c.unknownKeys()).contains("plan_design_id", "compensation.promotion_increase", "enrollment.*",
                "employer_match.*", "setup.census_parquet_path");
    }

    @Test
    void flowStyleEdgeConfig() {
        ScenarioConfig c = ScenarioConfig.load(data.resolve("fixtures/edge_config/negative_target_growth_rate.yaml"));
        assertThat(c.scenarioId()).isEqualTo("edge_negative_growth");
        assertThat(c.startYear()).isEqualTo(2025);
        assertThat(c.endYear()).isEqualTo(2026);
        assertThat(c.randomSeed()).isEqualTo(124006L);
        assertThat(new BigDecimal("-0.05").equals(c.targetGrowthRate())).isTrue();
        assertThat(new BigDecimal("0.1").equals(c.totalTerminationRate())).isTrue();
        assertThat(BigDecimal.ZERO.equals(c.newHireTerminationRate())).isTrue(); // written 0.0
        assertThat(c.censusAsOfDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void everyPlanWiseYamlFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(data.resolve("config")), Files.walk(data.resolve("fixtures")))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            ScenarioConfig c = ScenarioConfig.load(file);
            assertThat(c.startYear()).as(file.toString()).isLessThanOrEqualTo(c.endYear());
        }
    }
}
