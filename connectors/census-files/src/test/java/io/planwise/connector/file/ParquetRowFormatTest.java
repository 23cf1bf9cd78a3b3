package io.planwise.connector.file;

import io.planwise.connector.rows.RowFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

class ParquetRowFormatTest {

    @TempDir
    Path dir;

    @Test
    void valuesAreRenderedAsTextTheWayACsvWouldHoldThem() throws Exception {
        Path file = DuckDbParquet.write(dir.resolve("typed.parquet"), """
                SELECT * FROM (VALUES
                  ('E1', DATE '1990-04-29', 117500.00::DECIMAL(12,2), 0.06::DOUBLE, 42::INTEGER,
                   9000000000::BIGINT, true, TIMESTAMP '2017-06-30 08:15:00.5', 'a, "b"', 1.5::FLOAT),
                  ('E2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                  ('E3', DATE '2024-02-29', -0.50::DECIMAL(12,2), 1e7::DOUBLE, -1::INTEGER,
                   0::BIGINT, false, TIMESTAMP '1969-12-31 23:59:59', 'two\nlines', 0::FLOAT)
                ) t(id, birth_date, salary, rate, n, big, active, seen_at, note, f)
                """, "");
        DecodedRowDecoder decoder = new DecodedRowDecoder("id", "birth_date");

        List<DecodedRow> rows = decoder.readAll(file);

        assertThat(decoder.boundColumns).containsExactly(
                "id", "birth_date", "salary", "rate", "n", "big", "active", "seen_at", "note", "f");
        assertThat(rows).containsExactly(
                DecodedRow.of(1, 10, "E1,1990-04-29,117500.00,0.06,42,9000000000,true,2017-06-30T08:15:00.5,"
                                + "\"a, \"\"b\"\"\",1.5",
                        "E1", "1990-04-29", "117500.00", "0.06", "42", "9000000000", "true",
                        "2017-06-30T08:15:00.5", "a, \"b\"", "1.5"),
                DecodedRow.of(2, 10, "E2,,,,,,,,,",
                        "E2", null, null, null, null, null, null, null, null, null),
                DecodedRow.of(3, 10, "E3,2024-02-29,-0.50,1.0E7,-1,0,false,1969-12-31T23:59:59,\"two\nlines\",0.0",
                        "E3", "2024-02-29", "-0.50", "1.0E7", "-1", "0", "false", "1969-12-31T23:59:59",
                        "two\nlines", "0.0"));
    }

    @Test
    void wideDecimalsUuidsAndUtcTimestampsAreRendered() throws Exception {
        Path file = DuckDbParquet.write(dir.resolve("wide.parquet"), """
                SELECT 12345678901234567890.123456::DECIMAL(38,6) AS wide,
                       1234.5::DECIMAL(18,3) AS medium,
                       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID AS uuid,
                       TIMESTAMPTZ '2024-01-02 03:04:05+00' AS utc,
                       TIME '13:45:00' AS t,
                       200::UTINYINT AS small
                """, "");
        List<DecodedRow> rows = new DecodedRowDecoder().readAll(file);

        assertThat(rows).singleElement().extracting(DecodedRow::values).isEqualTo(Arrays.asList(
                "12345678901234567890.123456", "1234.500", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "2024-01-02T03:04:05Z", "13:45:00", "200"));
    }

    @Test
    void rowsAreNumberedAcrossRowGroupsAndDictionariesAreDecoded() throws Exception {
        Path file = DuckDbParquet.write(dir.resolve("groups.parquet"),
                "SELECT 'E' || i AS id, 'level' || (i % 3) AS level, DATE '2020-01-01' + (i % 5)::INTEGER AS d"
                        + " FROM range(10000) t(i) ORDER BY i",
                "ROW_GROUP_SIZE 2048");

        List<DecodedRow> rows = new DecodedRowDecoder().readAll(file);

        assertThat(rows).hasSize(10_000);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).isEqualTo(DecodedRow.of(i + 1, 3,
                    "E" + i + ",level" + (i % 3) + ",2020-01-0" + (1 + i % 5),
                    "E" + i, "level" + (i % 3), "2020-01-0" + (1 + i % 5)));
        }
    }

    @Test
    void nestedAndRepeatedColumnsAreLeftOut() throws Exception {
        Path file = DuckDbParquet.write(dir.resolve("nested.parquet"),
                "SELECT 'E1' AS id, [1, 2] AS list, {'a': 1} AS struct, 3 AS n", "");
        DecodedRowDecoder decoder = new DecodedRowDecoder();

        assertThat(decoder.readAll(file)).containsExactly(DecodedRow.of(1, 2, "E1,3", "E1", "3"));
        assertThat(decoder.boundColumns).containsExactly("id", "n");
    }

    @Test
    void aFileWithNoRowsHasItsColumnsButNoRows() throws Exception {
        Path file = DuckDbParquet.write(dir.resolve("none.parquet"), "SELECT 'x' AS id WHERE false", "");
        DecodedRowDecoder decoder = new DecodedRowDecoder();

        assertThat(decoder.readAll(file)).isEmpty();
        assertThat(decoder.boundColumns).containsExactly("id");
    }

    @Test
    void compressedFilesAreRead() throws Exception {
        for (String codec : List.of("uncompressed", "snappy", "gzip", "zstd")) {
            Path file = DuckDbParquet.write(dir.resolve(codec + ".parquet"),
                    "SELECT 'E' || i AS id FROM range(3) t(i) ORDER BY i", "COMPRESSION " + codec);

            assertThat(new DecodedRowDecoder().readAll(file)).as(codec)
                    .extracting(row -> row.values().get(0)).containsExactly("E0", "E1", "E2");
        }
    }

    @Test
    void aMissingRequiredColumnIsTheDecodersSentence() throws Exception {
        Path file = DuckDbParquet.write(dir.resolve("cols.parquet"), "SELECT 1 AS id", "");

        assertThatThrownBy(() -> new DecodedRowDecoder("id", "hire_date").readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " lacks the required column(s) hire_date");
    }

    @Test
    void aCsvNamedParquetIsNotAParquetFile() throws IOException {
        Path file = Files.writeString(dir.resolve("census.parquet"), "id,name\n1,a\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " is not a Parquet file: it does not start and end with the Parquet marker PAR1");
    }

    @Test
    void anEmptyFileIsNotAParquetFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.parquet"), new byte[0]);

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " is not a Parquet file: it does not start and end with the Parquet marker"
                        + " PAR1 (the file is empty)");
    }

    @Test
    void aTruncatedFileIsNotAParquetFile() throws Exception {
        Path whole = DuckDbParquet.write(dir.resolve("whole.parquet"), "SELECT 1 AS id", "");
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessageStartingWith(file + " is not a Parquet file");
    }

    @Test
    void aCorruptFooterIsReportedWithTheFileName() throws IOException {
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, (byte) 7);
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, 4);
        System.arraycopy(magic, 0, bytes, 60, 4);
        bytes[56] = 20;
        bytes[57] = bytes[58] = bytes[59] = 0;
        Path file = Files.write(dir.resolve("corrupt.parquet"), bytes);

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessageStartingWith(file + " is not a readable Parquet file: ");
    }
}
