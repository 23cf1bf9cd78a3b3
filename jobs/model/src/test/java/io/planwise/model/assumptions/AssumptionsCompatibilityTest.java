package io.planwise.model.assumptions;

import io.planwise.testing.PlanwiseData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PlanWise's own seed files, unchanged, from ../shared/planwise_data (skipped when absent). */
@Tag("planwise-data")
class AssumptionsCompatibilityTest {
    private Path data;

    @BeforeEach
    void findData() {
        data = PlanwiseData.require("seeds").getParent();
    }

    @Test
    void planWiseSeedsGiveTheBundledValues() {
        Assumptions planWise = Assumptions.load(data.resolve("seeds"));
        Assumptions bundled = Assumptions.bundledDefaults();
        assertThat(planWise.sameValues(bundled)).isTrue();
        assertThat(planWise.sources().values()).noneMatch("bundled"::equals);
        assertThat(planWise.fingerprints()).hasSize(12);
        // Spot checks straight from PlanWise's files.
        assertThat(planWise.level(3).minCompensation()).isEqualTo(121000);
        assertThat(planWise.level(3).maxCompensation()).isEqualTo(160000);
        assertThat(planWise.terminationHazardBase()).isEqualTo(new TerminationHazardBase(0.42, 0.1, 0.4));
        assertThat(planWise.promotionAgeMultiplier("55-64")).isEqualTo(0.3);
        assertThat(planWise.compLever("default", 2025, 2, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.040));
        assertThat(planWise.compLever("default", 2036, 5, "HIRE", "market_adjustment_multiplier"))
                .isEqualTo(planWise.compLever("default", 2035, 5, "HIRE", "market_adjustment_multiplier"));
        assertThat(planWise.newHireLevelDistributionFixed("tech_startup")).isTrue();
    }

    @Test
    void anOlderPartialSeedSnapshotOverridesOnlyWhatItHas() {
        // seeds_2025-06-26 lacks bands, comp_levers and the new-hire tables; those come from the defaults.
        Assumptions older = Assumptions.load(data.resolve("seeds_2025-06-26"));
        assertThat(older.promotionHazardBase()).isEqualTo(new PromotionHazardBase(0.1, 0.15));
        assertThat(older.sources()).containsEntry("config_age_bands.csv", "bundled")
                .containsEntry("comp_levers.csv", "bundled");
        assertThat(older.ageBands()).isEqualTo(Assumptions.bundledDefaults().ageBands());
    }
}
