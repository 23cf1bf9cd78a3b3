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
        assertThat(none.kept()).isEmpty();
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
        assertThat(ranks.kept()).hasSize(2);
    }

    @ParameterizedTest(name = "seed {0}: {1} keys in {2} partitions, k = {3}")
    @CsvSource({
        "1, 2000, 7, 1",
        "2, 2000, 7, 50",
        "3, 2000, 13, 333",
        "4, 500, 3, 499",
        "5, 500, 3, 500",
        "6, 500, 4, 900",
        "7, 1000, 1, 10",
        "8, 1000, 32, 0",
        "9, 3000, 9, 1234",
    })
    void mergingPerTaskSelectionsGivesTheGlobalCutoff(long seed, int count, int partitions, int k) {
        Random random = new Random(seed);
        List<RankKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long key;
            int shape = random.nextInt(4);
            if (shape == 0) {
                key = random.nextLong() | 0x8000_0000_0000_0000L; // high bit set
            } else if (shape == 1) {
                key = random.nextInt(20);                         // small, many ties broken by id
            } else {
                key = random.nextLong();
            }
            keys.add(new RankKey(key, String.format("EMP_%06d", i)));
        }

        List<SmallestRanks> perTask = new ArrayList<>();
        for (int t = 0; t < partitions; t++) {
            perTask.add(new SmallestRanks(k));
        }
        for (RankKey key : keys) {
            perTask.get(random.nextInt(partitions)).offer(key);
        }
        SmallestRanks merged = new SmallestRanks(k);
        perTask.forEach(task -> task.kept().forEach(merged::offer));

        List<RankKey> sorted = new ArrayList<>(keys);
        sorted.sort(ORACLE);
        RankKey expected = k == 0 ? null : sorted.get(Math.min(k, count) - 1);
        assertThat(merged.cutoff()).isEqualTo(expected);

        SmallestRanks global = new SmallestRanks(k);
        keys.forEach(global::offer);
        assertThat(global.cutoff()).isEqualTo(expected);

        long selected = keys.stream().filter(r -> SmallestRanks.selected(r, merged.cutoff())).count();
        assertThat(selected).isEqualTo(Math.min(k, count));
        assertThat(keys.stream().filter(r -> SmallestRanks.selected(r, merged.cutoff())).toList())
                .containsExactlyInAnyOrderElementsOf(sorted.subList(0, Math.min(k, count)));
    }
}
