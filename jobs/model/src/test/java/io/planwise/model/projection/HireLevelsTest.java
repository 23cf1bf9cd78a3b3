package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** MODEL.md section 3: slot i goes to the first level L with (2i - 1) x Dw <= 2 x H x C_L. */
class HireLevelsTest {
    private static final ProjectionParameters ADAPTIVE = Fixtures.params("");

    private static int[] levels(ProjectionParameters p, long hires, long... byLevel) {
        long n = LongStream.of(byLevel).sum();
        HireLevels h = new HireLevels(p, new Population(n, 1, byLevel), hires);
        int[] out = new int[(int) hires];
        for (int i = 1; i <= hires; i++) {
            out[i - 1] = h.levelOfSlot(i);
        }
        return out;
    }

    @Test
    void theSlotRuleOnTheBriefExample() {
        // weights [3, 1], H = 4: Dw = 4, C = [3, 4]; 2 x H x C = [24, 32]
        // i = 1: 4 <= 24 -> 1; i = 2: 12 <= 24 -> 1; i = 3: 20 <= 24 -> 1; i = 4: 28 > 24, <= 32 -> 2
        assertThat(levels(ADAPTIVE, 4, 3, 1, 0, 0, 0)).containsExactly(1, 1, 1, 2);
    }

    @Test
    void zeroWeightLevelsAreNeverChosen() {
        // weights [0, 2, 0, 0, 2], H = 4: Dw = 4, C = [0, 2, 2, 2, 4]; 2 x H x C = [0, 16, 16, 16, 32]
        // i = 1: 4 -> 2; i = 2: 12 -> 2; i = 3: 20 -> 5; i = 4: 28 -> 5
        assertThat(levels(ADAPTIVE, 4, 0, 2, 0, 0, 2)).containsExactly(2, 2, 5, 5);
        // a single populated level takes every slot
        assertThat(levels(ADAPTIVE, 3, 0, 0, 7, 0, 0)).containsExactly(3, 3, 3);
    }

    @Test
    void cumulativeCountsAreTheRoundedProportionalShares() {
        // Slots 1..i_L reach level <= L where i_L = max{i : (2i - 1) Dw <= 2 H C_L} = floor((2 H C_L + Dw) / (2 Dw)),
        // i.e. round-half-down of H x C_L / Dw. So each level gets its share to within one slot and a zero-weight
        // level (C_L = C_(L-1)) gets none.
        Random random = new Random(20250101);
        for (int trial = 0; trial < 500; trial++) {
            long[] w = new long[5];
            for (int i = 0; i < 5; i++) {
                w[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(1000);
            }
            if (LongStream.of(w).sum() == 0) {
                w[random.nextInt(5)] = 1;
            }
            long dw = LongStream.of(w).sum();
            long hires = 1 + random.nextInt(200);
            int[] got = levels(ADAPTIVE, hires, w);
            long c = 0;
            for (int level = 1; level <= 5; level++) {
                c += w[level - 1];
                long expectedThrough = (2 * hires * c + dw) / (2 * dw);
                final int l = level;
                long actualThrough = java.util.Arrays.stream(got).filter(x -> x <= l).count();
                assertThat(actualThrough).as("weights %s, H %d, level %d", java.util.Arrays.toString(w), hires, level)
                        .isEqualTo(expectedThrough);
                if (w[level - 1] == 0) {
                    assertThat(got).doesNotContain(level);
                }
            }
            // slots come in level order
            for (int i = 1; i < got.length; i++) {
                assertThat(got[i]).isGreaterThanOrEqualTo(got[i - 1]);
            }
        }
    }

    @Test
    void aFixedDistributionUsesItsSharesInMicros() {
        // tech_startup: 0.60 / 0.25 / 0.10 / 0.04 / 0.01, fixed; the start-of-year headcount is ignored.
        // H = 100: cumulative round(100 x C / 1e6) = 60, 85, 95, 99, 100 -> 60, 25, 10, 4, 1 hires
        ProjectionParameters fixed = Fixtures.params("scenario_id: tech_startup\n");
        int[] got = levels(fixed, 100, 0, 0, 0, 0, 9);
        long[] perLevel = new long[5];
        for (int level : got) {
            perLevel[level - 1]++;
        }
        assertThat(perLevel).containsExactly(60, 25, 10, 4, 1);
    }

    @Test
    void hiresNeedSomeWeight() {
        assertThatThrownBy(() -> new HireLevels(ADAPTIVE, new Population(0, 0, new long[5]), 3))
                .isInstanceOf(IllegalStateException.class);
        // no hires, no weight: fine
        new HireLevels(ADAPTIVE, new Population(0, 0, new long[5]), 0);
    }
}
