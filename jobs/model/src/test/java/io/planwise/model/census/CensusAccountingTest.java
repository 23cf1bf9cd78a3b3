package io.planwise.model.census;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MODEL.md 1.1 / invariant 5: input rows = baseline + terminated_before_start + not_yet_hired + rejected. */
class CensusAccountingTest {

    @Test
    void balancedWhenEveryRowIsInOneBucket() {
        assertThat(new CensusAccounting(10, 7, 1, 1, 1, 3).balanced()).isTrue();
        // warnings are not a bucket: they overlap the kept rows
        assertThat(new CensusAccounting(10, 7, 1, 1, 1, 0).balanced()).isTrue();
        assertThat(new CensusAccounting(10, 7, 1, 1, 0, 0).balanced()).isFalse(); // one row lost
        assertThat(new CensusAccounting(10, 8, 1, 1, 1, 0).balanced()).isFalse(); // one row counted twice
        assertThat(CensusAccounting.NONE.balanced()).isTrue();
    }

    @Test
    void partialTalliesAdd() {
        CensusAccounting a = new CensusAccounting(10, 7, 1, 1, 1, 2);
        CensusAccounting b = new CensusAccounting(5, 2, 2, 0, 1, 1);
        assertThat(a.plus(b)).isEqualTo(new CensusAccounting(15, 9, 3, 1, 2, 3));
        assertThat(a.plus(CensusAccounting.NONE)).isEqualTo(a);
    }

    @Test
    void aHealthyCensusDoesNotStop() {
        assertThat(new CensusAccounting(100, 90, 5, 5, 0, 0).stopReason(0.05)).isNull();
        // exactly 5% rejected is not more than 5%
        assertThat(new CensusAccounting(100, 85, 5, 5, 5, 0).stopReason(0.05)).isNull();
    }

    @Test
    void zeroBaselineStops() {
        assertThat(new CensusAccounting(10, 0, 6, 4, 0, 0).stopReason(0.05)).isNotBlank().contains("baseline");
        assertThat(CensusAccounting.NONE.stopReason(0.05)).isNotBlank();
    }

    @Test
    void tooManyRejectsStop() {
        // 6 of 100 = 6% > 5%
        assertThat(new CensusAccounting(100, 84, 5, 5, 6, 0).stopReason(0.05)).isNotBlank().contains("6 of 100");
        // max_reject_fraction 0 tolerates none
        assertThat(new CensusAccounting(1000, 999, 0, 0, 1, 0).stopReason(0.0)).isNotBlank();
        assertThat(new CensusAccounting(1000, 1000, 0, 0, 0, 0).stopReason(0.0)).isNull();
    }

    @Test
    void theRejectLimitIsComparedExactly() {
        // 29 of 100 rejected is exactly 29%, not more than max_reject_fraction = 0.29 (rates are exact decimals,
        // MODEL.md 1.3). In doubles 0.29 x 100 = 28.999999999999996, which must not make 29 "more than" it.
        assertThat(new CensusAccounting(100, 71, 0, 0, 29, 0).stopReason(0.29)).isNull();
        // 0.57 x 100 = 56.99999999999999 in doubles
        assertThat(new CensusAccounting(100, 43, 0, 0, 57, 0).stopReason(0.57)).isNull();
        assertThat(new CensusAccounting(100, 42, 0, 0, 58, 0).stopReason(0.57)).isNotBlank();
    }
}
