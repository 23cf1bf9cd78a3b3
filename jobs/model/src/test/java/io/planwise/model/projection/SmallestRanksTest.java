package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ranked selections (RIF, new-hire terminations): unsigned 64-bit keys, ties by employee_id. */
class SmallestRanksTest {

    /** An oracle independent of RankKey.compareTo: the key as an unsigned BigInteger, then the id. */
    private static final Comparator<RankKey> ORACLE = Comparator
            .comparing((RankKey r) -> new BigInteger(Long.toUnsignedString(r.key())))
            .thenComparing(RankKey::employeeId);

    @Test
    void keysCompareUnsigned() {
        RankKey one = new RankKey(1L, "A");
        RankKey highBit = new RankKey(0x8000_0000_0000_0000L, "A");
        RankKey max = new RankKey(-1L, "A");
        assertThat(highBit).isGreaterThan(one);
        assertThat(max).isGreaterThan(highBit);
        assertThat(new RankKey(0L, "Z")).isLessThan(one);
        assertThat(new RankKey(Long.MAX_VALUE, "A")).isLessThan(highBit);
    }

    @Test
    void tiesAreBrokenByEmployeeId() {
        assertThat(new RankKey(5L, "EMP_000001")).isLessThan(new RankKey(5L, "EMP_000002"));
        assertThat(new RankKey(-1L, "B")).isGreaterThan(new RankKey(-1L, "A"));
        assertThat(new RankKey(5L, "X").compareTo(new RankKey(5L, "X"))).isZero();
        // the key decides before the id does
        assertThat(new RankKey(4L, "Z")).isLessThan(new RankKey(5L, "A"));
    }

    @Test
    void limitZeroSelectsNothing() {
        SmallestRanks none = new SmallestRanks(0);
        none.offer(new RankKey(0L, "A"));
        none.offer(new RankKey(1L, "B"));
        assertThat(none.cutoff()).isNull();
        assertThat(SmallestRanks.selected(new RankKey(0L, "A"), none.cutoff())).isFalse();
    }

    @Test
    void cutoffIsTheKthSmallestAndSelectsExactlyK() {
        SmallestRanks ranks = new SmallestRanks(3);
        List<RankKey> all = List.of(new RankKey(-1L, "W0"), new RankKey(7L, "A"), new RankKey(0x8000_0000_0000_0000L, "H"),
                new RankKey(7L, "B"), new RankKey(2L, "C"), new RankKey(100L, "D"));
        all.forEach(ranks::offer);
        // ordered: (2,C) (7,A) (7,B) (100,D) (2^63,H) (2^64-1,W0) -> the third is (7,B)
        assertThat(ranks.cutoff()).isEqualTo(new RankKey(7L, "B"));
        assertThat(all.stream().filter(r -> SmallestRanks.selected(r, ranks.cutoff())))
                .containsExactlyInAnyOrder(new RankKey(2L, "C"), new RankKey(7L, "A"), new RankKey(7L, "B"));
    }

    @Test
    void aLimitAboveTheCountSelectsEverything() {
        SmallestRanks ranks = new SmallestRanks(10);
        ranks.offer(new RankKey(3L, "A"));
        ranks.offer(new RankKey(-1L, "B"));
        assertThat(ranks.cutoff()).isEqualTo(new RankKey(-1L, "B"));
        assertThat(SmallestRanks.selected(new RankKey(3L, "A"), ranks.cutoff())).isTrue();
    }

    @ParameterizedTest(name = "seed {0}: {1} keys, k = {2}")
    @CsvSource({"1, 2000, 1", "2, 2000, 50", "3, 500, 499", "4, 500, 500", "5, 500, 900", "6, 1000, 0", "7, 3000, 1234"})
    void theCutoffIsTheKthSmallestOfKeysWithHighBitsAndTies(long seed, int count, int k) {
        Random random = new Random(seed);
        List<RankKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int shape = random.nextInt(4);
            long key = shape == 0 ? random.nextLong() | 0x8000_0000_0000_0000L : shape == 1 ? random.nextInt(20)
                    : random.nextLong();
            keys.add(new RankKey(key, String.format("EMP_%06d", i)));
        }
        SmallestRanks ranks = new SmallestRanks(k);
        keys.forEach(ranks::offer);
        List<RankKey> sorted = new ArrayList<>(keys);
        sorted.sort(ORACLE);
        assertThat(ranks.cutoff()).isEqualTo(k == 0 ? null : sorted.get(Math.min(k, count) - 1));
        assertThat(keys.stream().filter(r -> SmallestRanks.selected(r, ranks.cutoff())).count()).isEqualTo(Math.min(k, count));
    }
}
