package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MODEL.md section 2: money is integer cents and {@code round} is half away from zero. */
class CentsTest {

    @ParameterizedTest(name = "round({0}) = {1}")
    @CsvSource({
        "2.5, 3",
        "-2.5, -3",
        "0.5, 1",
        "-0.5, -1",
        "1.5, 2",
        "-1.5, -2",
        "2.4, 2",
        "-2.4, -2",
        "2.6, 3",
        "-2.6, -3",
        "0.0, 0",
        "-0.0, 0",
        "7.0, 7",
        "-7.0, -7",
        // the largest double below 0.5: Math.round-via-floor(x + 0.5) tricks give 1 here, the right answer is 0
        "0.49999999999999994, 0",
        "-0.49999999999999994, 0",
    })
    void roundsHalfAwayFromZero(double x, long expected) {
        assertThat(Cents.round(x)).isEqualTo(expected);
    }

    @Test
    void roundsLargeValuesExactly() {
        // 1e15 + 0.5 is exactly representable (doubles near 1e15 are spaced 0.125 apart).
        assertThat(Cents.round(1_000_000_000_000_000.5)).isEqualTo(1_000_000_000_000_001L);
        assertThat(Cents.round(-1_000_000_000_000_000.5)).isEqualTo(-1_000_000_000_000_001L);
        // 2^52 - 0.5: the last half-integer a double can hold; half away from zero gives 2^52.
        assertThat(Cents.round(4_503_599_627_370_495.5)).isEqualTo(4_503_599_627_370_496L);
        assertThat(Cents.round(-4_503_599_627_370_495.5)).isEqualTo(-4_503_599_627_370_496L);
        // Above 2^52 every double is a whole number and rounds to itself.
        assertThat(Cents.round(9_007_199_254_740_992.0)).isEqualTo(9_007_199_254_740_992L);
        assertThat(Cents.round(1e18)).isEqualTo(1_000_000_000_000_000_000L);
        // A realistic payroll amount in cents: $12,345,678.90 x 1.5 = 1,851,851,835 cents exactly.
        assertThat(Cents.round(1_234_567_890.0 * 1.5)).isEqualTo(1_851_851_835L);
    }

    @ParameterizedTest(name = "{0} / {1} rounds to {2}")
    @CsvSource({
        "5, 2, 3",     // 2.5 -> 3
        "-5, 2, -3",   // -2.5 -> -3
        "7, 2, 4",     // 3.5 -> 4
        "1, 2, 1",     // 0.5 -> 1
        "-1, 2, -1",   // -0.5 -> -1
        "4, 3, 1",     // 1.33 -> 1
        "5, 3, 2",     // 1.67 -> 2
        "-4, 3, -1",   // -1.33 -> -1
        "-5, 3, -2",   // -1.67 -> -2
        "0, 7, 0",
        "10, 5, 2",    // exact
        "-10, 5, -2",  // exact
        // 4,005,540,000 / 365 = 10,974,082.19 -> 10,974,082
        "4005540000, 365, 10974082",
        // 10,000,000,000,000,001 / 2 = 5,000,000,000,000,000.5 -> ...001 (no double could hold this)
        "10000000000000001, 2, 5000000000000001",
        "-10000000000000001, 2, -5000000000000001",
    })
    void dividesRoundingHalfAwayFromZero(long numerator, long denominator, long expected) {
        assertThat(Cents.divideRounded(numerator, denominator)).isEqualTo(expected);
    }

    @Test
    void divisionNeedsAPositiveDenominator() {
        assertThatThrownBy(() -> Cents.divideRounded(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cents.divideRounded(1, -2)).isInstanceOf(IllegalArgumentException.class);
    }
}
