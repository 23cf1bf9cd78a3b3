package io.planwise.model.assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The bundled defaults carry PlanWise's seed values. */
class AssumptionsDefaultsTest {
    private final Assumptions a = Assumptions.bundledDefaults();

    @Test
    void jobLevels() {
        assertThat(a.jobLevels()).extracting(JobLevel::levelId).containsExactly(1, 2, 3, 4, 5);
        assertThat(a.minLevel()).isEqualTo(1);
        assertThat(a.maxLevel()).isEqualTo(5);
        assertThat(a.level(3)).isEqualTo(new JobLevel(3, "SrMgr", 121000, 160000, 12_100_000L, 16_000_000L));
        assertThat(a.level(1)).isEqualTo(new JobLevel(1, "Staff", 56000, 80000, 5_600_000L, 8_000_000L));
        assertThat(a.level(5)).isEqualTo(new JobLevel(5, "VP", 275000, 500000, 27_500_000L, 50_000_000L));
        assertThatThrownBy(() -> a.level(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no job level 6; levels are 1 to 5");
    }

    @Test
    void bands() {
        assertThat(a.ageBands().bands()).extracting(Band::label)
                .containsExactly("< 25", "25-34", "35-44", "45-54", "55-64", "65+");
        assertThat(a.ageBands().bands().get(5)).isEqualTo(new Band(6, "65+", 65, 999));
        assertThat(a.tenureBands().bands()).extracting(Band::label).containsExactly("< 2", "2-4", "5-9", "10-19", "20+");
        assertThat(a.ageBands().bandFor(24).label()).isEqualTo("< 25");
        assertThat(a.ageBands().bandFor(25).label()).isEqualTo("25-34");
        assertThat(a.ageBands().bandFor(64).label()).isEqualTo("55-64");
        assertThat(a.ageBands().bandFor(65).label()).isEqualTo("65+");
        assertThat(a.ageBands().bandFor(-3).label()).isEqualTo("< 25");
        assertThat(a.ageBands().bandFor(999).label()).isEqualTo("65+");
        assertThat(a.ageBands().bandFor(5000).label()).isEqualTo("65+");
        assertThat(a.tenureBands().bandFor(0).label()).isEqualTo("< 2");
        assertThat(a.tenureBands().bandFor(4).label()).isEqualTo("2-4");
        assertThat(a.tenureBands().bandFor(5).label()).isEqualTo("5-9");
        assertThat(a.tenureBands().bandFor(20).label()).isEqualTo("20+");
    }

    @Test
    void hazards() {
        assertThat(a.terminationHazardBase()).isEqualTo(new TerminationHazardBase(0.42, 0.1, 0.4));
        assertThat(a.promotionHazardBase()).isEqualTo(new PromotionHazardBase(0.04, 0.15));
        assertThat(a.terminationAgeMultiplier("< 25")).isEqualTo(0.7);
        assertThat(a.terminationAgeMultiplier("45-54")).isEqualTo(1.6);
        assertThat(a.terminationTenureMultiplier("< 2")).isEqualTo(1.8);
        assertThat(a.terminationTenureMultiplier("20+")).isEqualTo(0.3);
        assertThat(a.promotionAgeMultiplier("55-64")).isEqualTo(0.3);
        assertThat(a.promotionAgeMultiplier("65+")).isEqualTo(0.1);
        assertThat(a.promotionTenureMultiplier("5-9")).isEqualTo(1.8);
        assertThatThrownBy(() -> a.promotionAgeMultiplier("<25")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compLevers() {
        assertThat(a.compLever("default", 2025, 2, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.040));
        assertThat(a.compLever("default", 2025, 5, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.055));
        assertThat(a.compLever("default", 2027, 1, "RAISE", "cola_rate")).isEqualTo(OptionalDouble.of(0.015));
        assertThat(a.compLever("default", 2025, 3, "HIRE", "compensation_percentile")).isEqualTo(OptionalDouble.of(0.35));
        assertThat(a.compLever("default", 2025, 1, "HIRE", "market_adjustment_multiplier")).isEqualTo(OptionalDouble.of(0.35));
        assertThat(a.compLever("default", 2026, 1, "HIRE", "market_adjustment_multiplier")).isEqualTo(OptionalDouble.of(1.02));
        assertThat(a.compLever("default", 2035, 4, "HIRE", "market_adjustment_multiplier")).isEqualTo(OptionalDouble.of(1.05));
    }

    @Test
    void compLeverYearFallback() {
        // The seeds cover 2025..2035: later years use 2035, earlier years use 2025.
        assertThat(a.compLever("default", 2050, 1, "HIRE", "market_adjustment_multiplier")).isEqualTo(OptionalDouble.of(1.02));
        assertThat(a.compLever("default", 2019, 1, "HIRE", "market_adjustment_multiplier")).isEqualTo(OptionalDouble.of(0.35));
        assertThat(a.compLever("default", 2040, 2, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.040));
    }

    @Test
    void compLeverScenarioFallbackAndMisses() {
        assertThat(a.compLever("high_growth", 2025, 2, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.040));
        assertThat(a.compLever("default", 2025, 9, "RAISE", "merit_base")).isEmpty();
        assertThat(a.compLever("default", 2025, 1, "RAISE", "no_such_parameter")).isEmpty();
        assertThat(a.compLever("default", 2025, 1, "PROMOTION", "promotion_raise")).isEmpty();
    }

    @Test
    void newHireDistributions() {
        assertThat(a.newHireAgeDistribution("default")).containsExactly(
                new AgeWeight(22, 50_000), new AgeWeight(25, 150_000), new AgeWeight(28, 200_000),
                new AgeWeight(32, 250_000), new AgeWeight(35, 150_000), new AgeWeight(40, 100_000),
                new AgeWeight(45, 80_000), new AgeWeight(50, 20_000));
        assertThat(a.newHireAgeDistribution("anything")).isEqualTo(a.newHireAgeDistribution("default"));
        assertThat(a.newHireLevelDistribution("default")).extracting(LevelShare::shareMicros).containsOnly(0L);
        assertThat(a.newHireLevelDistributionFixed("default")).isFalse();
        assertThat(a.newHireLevelDistribution("tech_startup")).containsExactly(
                new LevelShare(1, 600_000), new LevelShare(2, 250_000), new LevelShare(3, 100_000),
                new LevelShare(4, 40_000), new LevelShare(5, 10_000));
        assertThat(a.newHireLevelDistributionFixed("tech_startup")).isTrue();
        assertThat(a.newHireLevelDistributionFixed("other")).isFalse();
    }

    @Test
    void fingerprintsAreTheSha256OfTheBundledFiles() throws Exception {
        assertThat(a.fingerprints()).hasSize(12).containsKeys("config_job_levels.csv", "comp_levers.csv",
                "config_new_hire_level_distribution.csv");
        for (var entry : a.fingerprints().entrySet()) {
            try (InputStream in = getClass().getResourceAsStream("/io/planwise/assumptions/default/" + entry.getKey())) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                assertThat(entry.getValue()).isEqualTo(HexFormat.of().formatHex(digest));
            }
        }
        assertThat(a.sources()).hasSize(12).containsOnlyKeys(a.fingerprints().keySet());
        assertThat(a.sources().values()).containsOnly("bundled");
    }

    @Test
    void loadNullIsTheBundledDefaults() {
        assertThat(Assumptions.load(null)).isSameAs(Assumptions.bundledDefaults());
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Assumptions copy = (Assumptions) in.readObject();
            assertThat(copy.sameValues(a)).isTrue();
            assertThat(copy.compLever("default", 2025, 2, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.04));
            assertThat(copy.ageBands().bandFor(30).label()).isEqualTo("25-34");
            assertThat(copy.fingerprints()).isEqualTo(a.fingerprints());
        }
    }
}
