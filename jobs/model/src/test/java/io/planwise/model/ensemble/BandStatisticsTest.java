package io.planwise.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.planwise.model.mart.EnsembleBand;
import io.planwise.warehouse.contract.EnsembleMetric;
import org.junit.jupiter.api.Test;

/** Type-7 percentiles and the sample sd against values worked out by hand (numpy.percentile's default). */
class BandStatisticsTest {
    private static final long[] ONE_TO_TEN = {7, 3, 10, 1, 5, 9, 2, 8, 4, 6};

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        EnsembleBand b = BandStatistics.band("s", 2025, null, EnsembleMetric.HIRES, ONE_TO_TEN, 10);
        // h = (n - 1) × q = 9q: 0.45, 0.9, 2.25, 4.5, 6.75, 8.1, 8.55 on the values 1 … 10.
        assertThat(b.p5()).isCloseTo(1.45, within(1e-12));
        assertThat(b.p10()).isCloseTo(1.9, within(1e-12));
        assertThat(b.p25()).isCloseTo(3.25, within(1e-12));
        assertThat(b.p50()).isEqualTo(5.5);
        assertThat(b.p75()).isEqualTo(7.75);
        assertThat(b.p90()).isCloseTo(9.1, within(1e-12));
        assertThat(b.p95()).isCloseTo(9.55, within(1e-12));
        assertThat(b.mean()).isEqualTo(5.5);
        // Σ(x − 5.5)² = 82.5; 82.5 / 9 = 9.1666…
        assertThat(b.sd()).isCloseTo(3.0276503540974917, within(1e-15));
        assertThat(b.min()).isEqualTo(1.0);
        assertThat(b.max()).isEqualTo(10.0);
        assertThat(b.nTrials()).isEqualTo(10);
        assertThat(b.isSufficient()).isTrue();
        assertThat(ONE_TO_TEN[0]).as("the caller's values are not reordered").isEqualTo(7);
    }

    @Test
    void moneyIsReportedInDollarsFromExactCents() {
        long[] cents = {150_00, 100_00, 200_00, 125_50, 175_25, 110_00, 190_00, 160_00, 140_00, 130_00, 120_00};
        EnsembleBand b = BandStatistics.band("s", 2026, 3, EnsembleMetric.ENDING_TOTAL_COMPENSATION, cents, 10);
        assertThat(b.min()).isEqualTo(100.0);
        assertThat(b.max()).isEqualTo(200.0);
        // n = 11: the median is the 6th smallest, 140.00; p25: h = 2.5 between 120.00 and 125.50.
        assertThat(b.p50()).isEqualTo(140.0);
        assertThat(b.p25()).isCloseTo(122.75, within(1e-9));
        assertThat(b.levelId()).isEqualTo(3);
        assertThat(b.metric()).isEqualTo("ending_total_compensation");
    }

    @Test
    void tooFewTrialsGiveNullsNeverZeros() {
        EnsembleBand b = BandStatistics.band("s", 2025, 1, EnsembleMetric.PROMOTIONS, new long[] {4, 8, 6}, 10);
        assertThat(b.isSufficient()).isFalse();
        assertThat(b.sd()).isNull();
        assertThat(b.p5()).isNull();
        assertThat(b.p50()).isNull();
        assertThat(b.p95()).isNull();
        assertThat(b.mean()).isEqualTo(6.0);
        assertThat(b.min()).isEqualTo(4.0);
        assertThat(b.max()).isEqualTo(8.0);
    }

    @Test
    void identicalTrialsHaveNoSpread() {
        EnsembleBand b = BandStatistics.band("s", 2025, null, EnsembleMetric.RIF_TERMINATIONS, new long[12], 10);
        assertThat(b.sd()).isZero();
        assertThat(b.p5()).isZero();
        assertThat(b.p95()).isZero();
    }
}
