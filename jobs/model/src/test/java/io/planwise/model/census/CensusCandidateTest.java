package io.planwise.model.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** MODEL.md 1.1 duplicate tie-break: the latest hire date, then the highest compensation, then the first seen. */
class CensusCandidateTest {

    private static CensusCandidate c(long rowNumber, String hire, long cents) {
        return new CensusCandidate("census.csv", rowNumber, "DUP", LocalDate.of(1980, 1, 1), LocalDate.parse(hire), null,
                cents, null, "raw " + rowNumber);
    }

    @Test
    void theLatestHireDateWins() {
        CensusCandidate older = c(2, "2019-01-01", 9_000_000);
        CensusCandidate newer = c(3, "2020-01-01", 5_000_000);
        assertThat(newer.beats(older)).isTrue();
        assertThat(older.beats(newer)).isFalse();
    }

    @Test
    void thenTheHighestCompensation() {
        CensusCandidate low = c(2, "2020-01-01", 5_000_000);
        CensusCandidate high = c(3, "2020-01-01", 5_000_001);
        assertThat(high.beats(low)).isTrue();
        assertThat(low.beats(high)).isFalse();
    }

    @Test
    void thenTheFirstRow() {
        CensusCandidate first = c(2, "2020-01-01", 5_000_000);
        CensusCandidate second = c(7, "2020-01-01", 5_000_000);
        assertThat(first.beats(second)).isTrue();
        assertThat(second.beats(first)).isFalse();
    }

    @Test
    void aRowDoesNotBeatItself() {
        CensusCandidate a = c(2, "2020-01-01", 5_000_000);
        assertThat(a.beats(a)).isFalse();
    }

    @Test
    void theWinnerOfManyIsIndependentOfArrivalOrder() {
        // winner: latest hire 2021-05-01, among those the highest pay 7,000,000, among those the first row (4)
        CensusCandidate[] rows = {
            c(1, "2020-01-01", 9_900_000), c(2, "2021-05-01", 6_000_000), c(3, "2019-12-31", 1_000_000),
            c(4, "2021-05-01", 7_000_000), c(5, "2021-05-01", 7_000_000), c(6, "2021-04-30", 8_000_000),
        };
        java.util.List<CensusCandidate> list = new java.util.ArrayList<>(java.util.List.of(rows));
        java.util.Random random = new java.util.Random(7);
        for (int shuffle = 0; shuffle < 50; shuffle++) {
            java.util.Collections.shuffle(list, random);
            CensusCandidate best = list.get(0);
            for (CensusCandidate next : list) {
                if (next.beats(best)) {
                    best = next;
                }
            }
            assertThat(best.rowNumber()).isEqualTo(4);
        }
    }
}
