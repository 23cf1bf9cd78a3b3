package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MODEL.md section 3, "Workforce needs (exact)". */
class NeedsPlanTest {

    private static ProjectionParameters params(String g, String nh, String t) {
        return Fixtures.params("""
                simulation:
                  start_year: 2025
                  end_year: 2025
                  target_growth_rate: %s
                workforce:
                  total_termination_rate: %s
                  new_hire_termination_rate: %s
                """.formatted(g, t, nh));
    }

    private static Population population(long n, long w) {
        return new Population(n, w, new long[] {n, 0, 0, 0, 0});
    }

    @Test
    void theModelExampleHires30Not31() {
        // N = 100, g = 0.01: target = round(100 x 1.01) = 101. T = 20: survivors = 80, net = 21.
        // nh = 0.3: H = ceil(21 x 10 / (10 - 3)) = ceil(210 / 7) = 30 (doubles: 21 / 0.7 = 30.000000000000004 -> 31).
        NeedsPlan plan = NeedsPlan.of(params("0.01", "0.3", "0.12"), 2025, population(100, 1_000), 20);
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.startingWorkforce()).isEqualTo(100);
        assertThat(plan.totalHazardWeight()).isEqualTo(1_000);
        assertThat(plan.experiencedTerminations()).isEqualTo(20);
        assertThat(plan.target()).isEqualTo(101);
        assertThat(plan.hires()).isEqualTo(30);
        assertThat(plan.newHireTerminations()).isEqualTo(9); // H - net = 30 - 21
        assertThat(plan.reductionInForce()).isZero();
        // ending = survivors + H - NHT = 80 + 30 - 9 = 101 = target
        assertThat(80 + plan.hires() - plan.newHireTerminations()).isEqualTo(plan.target());
    }

    @ParameterizedTest(name = "N = {0}, g = {1} -> target {2}")
    @CsvSource({
        "6764, 0.03, 6967",  // 6764 x 103 / 100 = 6966.92 -> 6967
        "150, 0.02, 153",    // 150 x 102 / 100 = 153 exactly
        "50, 0.15, 58",      // 50 x 115 / 100 = 57.5 -> 58 (doubles: 50 x 1.15 = 57.49999999999999 -> 57)
        "50, 0.13, 57",      // 50 x 113 / 100 = 56.5 -> 57 (doubles: 56.49999999999999 -> 56)
        "850, 0.17, 995",    // 850 x 117 / 100 = 994.5 -> 995 (doubles: 994.4999999999999 -> 994)
        "100, 0, 100",
        "100, -0.05, 95",    // 100 x 95 / 100
        "3, -0.5, 2",        // 3 x 50 / 100 = 1.5 -> 2
        "1000, 1.0, 2000",
    })
    void targetIsRoundedFromExactDecimals(long n, String g, long expectedTarget) {
        NeedsPlan plan = NeedsPlan.of(params(g, "0.25", "0.12"), 2025, population(n, 1), 0);
        assertThat(plan.target()).isEqualTo(expectedTarget);
    }

    @ParameterizedTest(name = "net = {0}, nh = {1} -> H = {2}")
    @CsvSource({
        "21, 0.3, 30",    // 210 / 7 = 30
        "22, 0.3, 32",    // 220 / 7 = 31.43 -> 32
        "3, 0.25, 4",     // 300 / 75 = 4
        "10, 0, 10",      // nh = 0: every hire stays
        "1, 0.95, 20",    // 100 / 5 = 20
        "2, 0.95, 40",
        "7, 0.5, 14",
    })
    void hiresAreTheExactCeiling(long net, String nh, long expectedHires) {
        // N = 1000, g = 0 -> target 1000; T = net -> survivors = 1000 - net, net = net.
        NeedsPlan plan = NeedsPlan.of(params("0", nh, "0.12"), 2025, population(1000, 1), net);
        assertThat(plan.target()).isEqualTo(1000);
        assertThat(plan.hires()).isEqualTo(expectedHires);
        assertThat(plan.newHireTerminations()).isEqualTo(expectedHires - net);
        assertThat(plan.reductionInForce()).isZero();
    }

    @Test
    void shrinkingLaysOffSurvivorsInsteadOfHiring() {
        // N = 200, g = -0.1 -> target = 180. T = 5: survivors = 195, net = -15 -> RIF = 15, H = NHT = 0.
        NeedsPlan plan = NeedsPlan.of(params("-0.1", "0.25", "0.12"), 2025, population(200, 1), 5);
        assertThat(plan.target()).isEqualTo(180);
        assertThat(plan.hires()).isZero();
        assertThat(plan.newHireTerminations()).isZero();
        assertThat(plan.reductionInForce()).isEqualTo(15);
        assertThat(195 - plan.reductionInForce()).isEqualTo(plan.target());
    }

    @Test
    void netZeroNeedsNothing() {
        // N = 100, g = 0 -> target 100; T = 0 -> survivors 100, net = 0: no hires, no RIF.
        NeedsPlan plan = NeedsPlan.of(params("0", "0.25", "0.12"), 2025, population(100, 1), 0);
        assertThat(plan.hires()).isZero();
        assertThat(plan.newHireTerminations()).isZero();
        assertThat(plan.reductionInForce()).isZero();
        assertThat(plan.target()).isEqualTo(100);
    }

    @Test
    void terminationCalibrationIsTTimesNTimes1e9OverW() {
        // t = 0.25, N = 4, W = 2e9: (0.25 x 4) x 1e9 / 2e9 = 0.5 (all exact in binary).
        ProjectionParameters quarter = params("0", "0.25", "0.25");
        NeedsPlan plan = NeedsPlan.of(quarter, 2025, population(4, 2_000_000_000L), 0);
        assertThat(plan.terminationCalibration(quarter)).isEqualTo(0.5);

        // t = 0.12, N = 1000, W = 400e9 (mean hazard 0.4): 120 x 1e9 / 400e9 = 0.3.
        ProjectionParameters p = params("0", "0.25", "0.12");
        NeedsPlan plan2 = NeedsPlan.of(p, 2025, population(1000, 400_000_000_000L), 0);
        assertThat(plan2.terminationCalibration(p)).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void terminationCalibrationIsEmptyWhenNoHazardWeight() {
        ProjectionParameters p = params("0", "0.25", "0.12");
        NeedsPlan plan = NeedsPlan.of(p, 2025, population(10, 0), 0);
        assertThat(plan.terminationCalibration(p)).isNull();
    }
}
