package io.planwise.model.draw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test vectors of MODEL.md section 2, checked there against DuckDB 1.4.2. */
class RandomDrawsTest {

    @Test
    void employeeKeyIsLowerMd5LittleEndian() {
        assertThat(Long.toUnsignedString(EmployeeKey.of("EMP_000001"))).isEqualTo("17450774575716034262");
    }

    @Test
    void mixMatchesDuckDbHash() {
        assertThat(Long.toUnsignedString(Mix64.mix(1))).isEqualTo("4717996019076358352");
    }

    @Test
    void seedKeysPerTrial() {
        assertThat(Long.toUnsignedString(RandomDraws.seedKey(42, 0))).isEqualTo("5177257227441060291");
        assertThat(Long.toUnsignedString(RandomDraws.seedKey(42, 3))).isEqualTo("5921224666878906483");
    }

    @Test
    void drawsAndUniforms() {
        long d = RandomDraws.draw(new RandomDraws(42, 0).employeeBase("EMP_000001"), 2025, DrawStream.TERMINATION);
        assertThat(Long.toUnsignedString(d)).isEqualTo("8331196107857449628");
        assertThat(RandomDraws.uniform(d)).isEqualTo(0.45163504597709125);

        long trial3 = RandomDraws.draw(new RandomDraws(42, 3).employeeBase("EMP_000001"), 2025, DrawStream.TERMINATION);
        assertThat(Long.toUnsignedString(trial3)).isEqualTo("8644933297318125429");

        long inv = RandomDraws.draw(new RandomDraws(113435436, 0).employeeBase("INV_EMP_0001"), 2026,
                DrawStream.NEW_HIRE_TERMINATION_RANK);
        assertThat(Long.toUnsignedString(inv)).isEqualTo("15426543420776944868");

        long nh = RandomDraws.draw(new RandomDraws(42, 0).employeeBase("NH_2026_000042"), 2027,
                DrawStream.NEW_HIRE_TERMINATION_DATE);
        assertThat(Long.toUnsignedString(nh)).isEqualTo("9337698018748792035");
        assertThat(RandomDraws.uniform(nh)).isEqualTo(0.5061976238970515);
    }

    @Test
    void categoricalUsesUnsignedRemainderAndCumulativeWeights() {
        long[] w = {1, 2, 3};
        assertThat(RandomDraws.categorical(0, w, 6)).isEqualTo(0);
        assertThat(RandomDraws.categorical(1, w, 6)).isEqualTo(1);
        assertThat(RandomDraws.categorical(2, w, 6)).isEqualTo(1);
        assertThat(RandomDraws.categorical(3, w, 6)).isEqualTo(2);
        // -1 as unsigned is 2^64-1; 2^64-1 mod 6 = 3
        assertThat(RandomDraws.categorical(-1L, w, 6)).isEqualTo(2);
    }

    @Test
    void eventIdIsPaddedHex() {
        String id = RandomDraws.eventId(0L, 0, 0);
        assertThat(id).isEqualTo("EVT_0000000000000000");
        assertThat(RandomDraws.eventId(123, 2025, 1)).matches("EVT_[0-9a-f]{16}");
    }

    /** MODEL.md's definition, written the plain way: EVT_ and the 64-bit mix as 16 zero-padded lower-case hex digits. */
    @Test
    void eventIdIsTheMixAsSixteenHexDigits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            long base = random.nextLong();
            int year = 2000 + random.nextInt(100);
            int type = random.nextInt(16);
            assertThat(RandomDraws.eventId(base, year, type))
                    .isEqualTo(String.format("EVT_%016x", Mix64.mix(base ^ ((long) year * 16 + type))));
        }
        assertThat(RandomDraws.eventId(-1L, 0, 0)).isEqualTo(String.format("EVT_%016x", Mix64.mix(-1L)));
    }
}
