package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.draw.DrawStream;
import io.planwise.model.draw.RandomDraws;
import io.planwise.model.projection.Cents;
import io.planwise.model.projection.YearCalendar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macros every model relies on, checked against MODEL.md §2's test vectors and against the Java
 * model's own functions on many inputs, edge cases included (halves, negatives, leap days, padding).
 */
class ModelMacrosTest {
    @TempDir
    static Path tmp;

    private static DuckDbSession db;

    @BeforeAll
    static void openWithMacros() throws Exception {
        db = DuckDbSession.open(1, tmp);
        for (String file : SqlModels.MACROS) {
            db.execute(SqlModels.text(file));
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void drawsMatchModelTestVectors() throws Exception {
        assertThat(ubigint("md5_number_lower('EMP_000001')")).isEqualTo("17450774575716034262");
        assertThat(ubigint("hash(CAST(1 AS UBIGINT))")).isEqualTo("4717996019076358352");
        assertThat(ubigint("seed_key(42, 0)")).isEqualTo("5177257227441060291");
        assertThat(ubigint("seed_key(42, 3)")).isEqualTo("5921224666878906483");
        assertThat(draw(42, 0, "EMP_000001", 2025, 1)).isEqualTo("8331196107857449628");
        assertThat(draw(42, 3, "EMP_000001", 2025, 1)).isEqualTo("8644933297318125429");
        assertThat(draw(113435436, 0, "INV_EMP_0001", 2026, 9)).isEqualTo("15426543420776944868");
        assertThat(draw(42, 0, "NH_2026_000042", 2027, 10)).isEqualTo("9337698018748792035");
        assertThat(db.scalar("SELECT uniform(CAST(8331196107857449628 AS UBIGINT))")).isEqualTo(0.45163504597709125);
        assertThat(db.scalar("SELECT uniform(CAST(9337698018748792035 AS UBIGINT))")).isEqualTo(0.5061976238970515);
    }

    @Test
    void drawsAndEventIdsMatchTheJavaModel() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50; i++) {
            long seed = random.nextLong(Long.MAX_VALUE);
            int trial = random.nextInt(1 << 24);
            String id = "E" + random.nextInt(1_000_000) + (i % 3 == 0 ? "é" : "");
            int year = 1900 + random.nextInt(8000);
            long base = new RandomDraws(seed, trial).employeeBase(id);
            assertThat(ubigint("draw_base(" + DuckDbSession.quote(id) + ", seed_key(" + seed + ", " + trial + "))"))
                    .isEqualTo(Long.toUnsignedString(base));
            for (DrawStream stream : DrawStream.values()) {
                long expected = RandomDraws.draw(base, year, stream);
                String draw = "mix_step(mix_step(CAST(" + Long.toUnsignedString(base) + " AS UBIGINT), " + year + "), "
                        + stream.number + ")";
                assertThat(ubigint(draw)).as("draw %s", stream).isEqualTo(Long.toUnsignedString(expected));
                assertThat(db.scalar("SELECT uniform(" + draw + ")")).isEqualTo(RandomDraws.uniform(expected));
            }
            int typeCode = 1 + random.nextInt(4);
            assertThat(db.scalar("SELECT event_id(mix_step(CAST(" + Long.toUnsignedString(base) + " AS UBIGINT), "
                    + (year * 16 + typeCode) + "))")).isEqualTo(RandomDraws.eventId(base, year, typeCode));
        }
    }

    @Test
    void roundHalfAwayFromZeroIsCentsRound() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<Double> values = new ArrayList<>(List.of(0.5, -0.5, 1.5, -1.5, 2.5, 0.49999999999999994, -0.49999999999999994,
                4503599627370495.5, -4503599627370495.5, 0.0, -0.0, 1e15 + 0.5));
        for (int i = 0; i < 5_000; i++) {
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(15)));
            values.add(random.nextInt(2_000_000) / 2.0 - 500_000);
        }
        db.execute("CREATE OR REPLACE TABLE doubles (i INTEGER, x DOUBLE)");
        try (var rows = db.connection().createAppender("doubles")) {
            for (int i = 0; i < values.size(); i++) {
                rows.beginRow().append(i).append(values.get(i)).endRow();
            }
        }
        for (Map<String, Object> r : db.rows("SELECT i, round_half_away(x) AS rounded FROM doubles")) {
            double x = values.get((Integer) r.get("i"));
            assertThat(((Number) r.get("rounded")).longValue()).as("round(%s)", x).isEqualTo(Cents.round(x));
        }
    }

    @Test
    void divideRoundedIsCentsDivideRounded() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        db.execute("CREATE OR REPLACE TABLE fractions (numerator BIGINT, denominator BIGINT)");
        try (var rows = db.connection().createAppender("fractions")) {
            for (int i = 0; i < 5_000; i++) {
                long numerator = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) / (i % 2 == 0 ? 1 : 1_000_000);
                rows.beginRow().append(numerator).append(1 + random.nextLong(i % 3 == 0 ? 10 : 400)).endRow();
            }
        }
        for (Map<String, Object> r : db.rows("SELECT numerator, denominator, divide_rounded(numerator, denominator) AS q "
                + "FROM fractions")) {
            long numerator = (Long) r.get("numerator");
            long denominator = (Long) r.get("denominator");
            assertThat(((Number) r.get("q")).longValue()).as("%d / %d", numerator, denominator)
                    .isEqualTo(Cents.divideRounded(numerator, denominator));
        }
    }

    @Test
    void tenureAndAgeCountDaysAndYearsLikeTheJavaModel() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        db.execute("CREATE OR REPLACE TABLE spans (from_date DATE, to_date DATE)");
        try (var rows = db.connection().createAppender("spans")) {
            for (int i = 0; i < 5_000; i++) {
                LocalDate from = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
                // every fourth pair ends around an anniversary, where a birthday is or is not yet reached
                LocalDate to = i % 4 == 0 ? from.plusYears(1 + random.nextInt(90)).plusDays(random.nextInt(3) - 1)
                        : from.plusDays(random.nextInt(40_000));
                rows.beginRow().append(from).append(to).endRow();
            }
        }
        for (Map<String, Object> r : db.rows("SELECT from_date, to_date, tenure_years(from_date, to_date) AS t, "
                + "full_years_between(from_date, to_date) AS y FROM spans")) {
            LocalDate from = (LocalDate) r.get("from_date");
            LocalDate to = (LocalDate) r.get("to_date");
            assertThat(((Number) r.get("t")).intValue()).as("tenure %s -> %s", from, to)
                    .isEqualTo(YearCalendar.tenureYears(from, to));
            assertThat(((Number) r.get("y")).longValue()).as("full years %s -> %s", from, to)
                    .isEqualTo(ChronoUnit.YEARS.between(from, to));
        }
        assertThat(((Number) db.scalar("SELECT full_years_between(DATE '2000-02-29', DATE '2014-02-28')")).intValue())
                .isEqualTo(13);
    }

    @Test
    void textIsTrimmedAndBlankAsJavaDoesIt() throws Exception {
        List<String> samples = List.of("", " ", "\t x \n", "\u0001id\u001F", "\u00A0id\u00A0", "\u3000", "\u2007",
                "\u2008", "\u2028 ", " \u000B\f\r\u001C", "a b", "\u0085");
        for (String s : samples) {
            Map<String, Object> row = db.rows("SELECT java_trim(" + DuckDbSession.quote(s) + ") AS t, java_is_blank("
                    + DuckDbSession.quote(s) + ") AS b").get(0);
            assertThat(row.get("t")).as("trim of %s", escape(s)).isEqualTo(s.trim());
            assertThat(row.get("b")).as("isBlank of %s", escape(s)).isEqualTo(s.isBlank());
        }
        assertThat(db.scalar("SELECT java_is_blank(NULL)")).isEqualTo(true);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    private static String draw(long seed, int trial, String id, int year, int stream) throws Exception {
        return ubigint("mix_step(mix_step(draw_base(" + DuckDbSession.quote(id) + ", seed_key(" + seed + ", " + trial
                + ")), " + year + "), " + stream + ")");
    }

    private static String ubigint(String expression) throws Exception {
        return String.valueOf(db.scalar("SELECT CAST(" + expression + " AS VARCHAR)"));
    }
}
