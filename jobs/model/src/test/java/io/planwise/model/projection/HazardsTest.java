package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.planwise.model.assumptions.Assumptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MODEL.md section 3 hazards with the bundled PlanWise seeds:
 * termination base 0.42, level_discount_factor 0.1, min_level_discount_multiplier 0.4;
 * termination age multipliers  <25 0.7, 25-34 1.3, 35-44 1.0, 45-54 1.6, 55-64 1.0, 65+ 1.2;
 * termination tenure multipliers <2 1.8, 2-4 0.6, 5-9 0.5, 10-19 0.4, 20+ 0.3;
 * promotion base 0.04, level_dampener_factor 0.15;
 * promotion age multipliers <25 1.6, 25-34 1.4, 35-44 1.1, 45-54 0.7, 55-64 0.3, 65+ 0.1;
 * promotion tenure multipliers <2 0.5, 2-4 1.5, 5-9 1.8, 10-19 0.8, 20+ 0.2.
 * Expected products are written in the order MODEL.md gives, so they are bit-identical.
 */
class HazardsTest {
    private static final ProjectionParameters P = Fixtures.params("");

    @Test
    void terminationHazardOfHandPickedEmployees() {
        // age 30 (25-34: 1.3), tenure 3 (2-4: 0.6), level 2: max(0.4, 1 - 0.1 x 1) = 0.9
        assertThat(Hazards.termination(P, 30, 3, 2)).isEqualTo(0.42 * 1.3 * 0.6 * 0.9).isCloseTo(0.29484, within(1e-15));
        // age 22 (<25: 0.7), tenure 0 (<2: 1.8), level 1: max(0.4, 1) = 1
        assertThat(Hazards.termination(P, 22, 0, 1)).isEqualTo(0.42 * 0.7 * 1.8 * 1.0).isCloseTo(0.5292, within(1e-15));
        // age 60 (55-64: 1.0), tenure 25 (20+: 0.3), level 5: max(0.4, 1 - 0.4) = 0.6
        assertThat(Hazards.termination(P, 60, 25, 5)).isEqualTo(0.42 * 1.0 * 0.3 * 0.6).isCloseTo(0.0756, within(1e-15));
        // age 45 (45-54: 1.6), tenure 12 (10-19: 0.4), level 3: max(0.4, 0.8) = 0.8
        assertThat(Hazards.termination(P, 45, 12, 3)).isEqualTo(0.42 * 1.6 * 0.4 * 0.8).isCloseTo(0.21504, within(1e-15));
        // band edges: age 24 is "< 25", age 25 is "25-34"; tenure 1 is "< 2", tenure 2 is "2-4"
        assertThat(Hazards.termination(P, 24, 1, 1)).isEqualTo(0.42 * 0.7 * 1.8 * 1.0);
        assertThat(Hazards.termination(P, 25, 2, 1)).isEqualTo(0.42 * 1.3 * 0.6 * 1.0);
        // age 70 (65+: 1.2), tenure 40 (20+: 0.3), level 4: max(0.4, 0.7) = 0.7
        assertThat(Hazards.termination(P, 70, 40, 4)).isEqualTo(0.42 * 1.2 * 0.3 * 0.7);
    }

    @Test
    void terminationLevelDiscountIsFlooredAtTheMinimumMultiplier(@TempDir Path dir) throws IOException {
        // level_discount_factor 0.3: level 3 -> 1 - 0.6 = 0.4 (the floor), level 4 -> 0.1 -> floored to 0.4,
        // level 5 -> -0.2 -> floored to 0.4.
        Files.writeString(dir.resolve("config_termination_hazard_base.csv"),
                "base_rate_for_new_hire,level_discount_factor,min_level_discount_multiplier\n0.42,0.3,0.4\n");
        ProjectionParameters p = Fixtures.params("", Assumptions.load(dir));
        assertThat(Hazards.termination(p, 30, 3, 2)).isEqualTo(0.42 * 1.3 * 0.6 * (1 - 0.3 * 1));
        assertThat(Hazards.termination(p, 30, 3, 4)).isEqualTo(0.42 * 1.3 * 0.6 * 0.4);
        assertThat(Hazards.termination(p, 30, 3, 5)).isEqualTo(0.42 * 1.3 * 0.6 * 0.4);
    }

    @Test
    void weightIsTheHazardTimes1e9Rounded() {
        assertThat(Hazards.terminationWeight(P, 30, 3, 2)).isEqualTo(294_840_000L);  // 0.29484 x 1e9
        assertThat(Hazards.terminationWeight(P, 22, 0, 1)).isEqualTo(529_200_000L);  // 0.5292 x 1e9
        assertThat(Hazards.terminationWeight(P, 60, 25, 5)).isEqualTo(75_600_000L);  // 0.0756 x 1e9
        // 0.42 x 1.6 x 0.4 x 0.8 x 1e9 = 215040000.00000003 in doubles -> 215,040,000
        assertThat(Hazards.terminationWeight(P, 45, 12, 3)).isEqualTo(215_040_000L);
    }

    @Test
    void probabilityIsCalibratedAndCapped() {
        // no hazard weight at all: p = t
        assertThat(Hazards.terminationProbability(0.12, 100, 0, 0)).isEqualTo(0.12);
        assertThat(Hazards.terminationProbability(0.12, 100, 5, 0)).isEqualTo(0.12);
        // ((0.25 x 4) x 1) / 2 = 0.5
        assertThat(Hazards.terminationProbability(0.25, 4, 1, 2)).isEqualTo(0.5);
        // ((0.5 x 10) x 5) / 6 = 4.17 -> capped at 1
        assertThat(Hazards.terminationProbability(0.5, 10, 5, 6)).isEqualTo(1.0);
        // w = 0 never terminates
        assertThat(Hazards.terminationProbability(0.5, 10, 0, 6)).isZero();
        // every employee with the mean weight gets exactly t: ((0.5 x 4) x 3) / 12 = 0.5
        assertThat(Hazards.terminationProbability(0.5, 4, 3, 12)).isEqualTo(0.5);
    }

    @Test
    void promotionHazardIncludesDampenerAndMultiplier() {
        ProjectionParameters doubled = Fixtures.params("compensation:\n  promotion_rate_multiplier: 2.0\n");
        // age 30 (25-34: 1.4), tenure 3 (2-4: 1.5), level 2: max(0, 1 - 0.15) = 0.85, multiplier 2
        assertThat(Hazards.promotion(doubled, 30, 3, 2)).isEqualTo(0.04 * 1.4 * 1.5 * 0.85 * 2.0)
                .isCloseTo(0.1428, within(1e-15));
        // default multiplier 1; age 40 (35-44: 1.1), tenure 7 (5-9: 1.8), level 3: 1 - 0.3 = 0.7
        assertThat(Hazards.promotion(P, 40, 7, 3)).isEqualTo(0.04 * 1.1 * 1.8 * (1 - 0.15 * 2) * 1.0)
                .isCloseTo(0.05544, within(1e-15));
        // age 20 (<25: 1.6), tenure 1 (<2: 0.5), level 1: dampener 1
        assertThat(Hazards.promotion(P, 20, 1, 1)).isEqualTo(0.04 * 1.6 * 0.5 * 1.0 * 1.0);
        // multiplier 0 switches promotions off
        ProjectionParameters off = Fixtures.params("compensation:\n  promotion_rate_multiplier: 0\n");
        assertThat(Hazards.promotion(off, 30, 3, 2)).isZero();
    }

    @Test
    void promotionDampenerIsFlooredAtZero(@TempDir Path dir) throws IOException {
        // level_dampener_factor 0.5: level 3 -> 0, level 4 -> -0.5 -> 0
        Files.writeString(dir.resolve("config_promotion_hazard_base.csv"), "base_rate,level_dampener_factor\n0.04,0.5\n");
        ProjectionParameters p = Fixtures.params("", Assumptions.load(dir));
        assertThat(Hazards.promotion(p, 30, 3, 2)).isEqualTo(0.04 * 1.4 * 1.5 * 0.5 * 1.0);
        assertThat(Hazards.promotion(p, 30, 3, 3)).isZero();
        assertThat(Hazards.promotion(p, 30, 3, 4)).isZero();
    }
}
