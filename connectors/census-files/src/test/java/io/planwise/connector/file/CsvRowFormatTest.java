package io.planwise.connector.file;

import io.planwise.connector.rows.RowFiles;
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
import java.util.Random;

class CsvRowFormatTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<DecodedRow> read(String text) throws IOException {
        return new DecodedRowDecoder().readAll(csv("rows.csv", text));
    }

    @Test
    void plainRowsAreNumberedByLineWithTheHeaderAsLineOne() throws IOException {
        DecodedRowDecoder decoder = new DecodedRowDecoder("id");
        List<DecodedRow> rows = decoder.readAll(csv("plain.csv", "id,name,salary\nE1,Ann,100\nE2,Bob,200\n"));

        assertThat(decoder.boundColumns).containsExactly("id", "name", "salary");
        assertThat(decoder.boundSource).endsWith("plain.csv");
        assertThat(rows).containsExactly(
                DecodedRow.of(2, 3, "E1,Ann,100", "E1", "Ann", "100"),
                DecodedRow.of(3, 3, "E2,Bob,200", "E2", "Bob", "200"));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineEndsAndMultiLineRecordsKeepTheirFirstLine() throws IOException {
        List<DecodedRow> rows = read("id,note,n\n"
                + "1,\"a, b\",x\n"
                + "2,\"she said \"\"hi\"\"\",y\n"
                + "3,\"two\nlines\",z\n"
                + "4,\"three\n\nlines\",w\n"
                + "5,\"\",\n");

        assertThat(rows).containsExactly(
                DecodedRow.of(2, 3, "1,\"a, b\",x", "1", "a, b", "x"),
                DecodedRow.of(3, 3, "2,\"she said \"\"hi\"\"\",y", "2", "she said \"hi\"", "y"),
                DecodedRow.of(4, 3, "3,\"two\nlines\",z", "3", "two\nlines", "z"),
                DecodedRow.of(6, 3, "4,\"three\n\nlines\",w", "4", "three\n\nlines", "w"),
                DecodedRow.of(9, 3, "5,\"\",", "5", null, null));
    }

    @Test
    void crlfBomAndBlankLinesAreHandledAndBlankLinesStillCount() throws IOException {
        DecodedRowDecoder decoder = new DecodedRowDecoder("id");
        List<DecodedRow> rows = decoder.readAll(csv("crlf.csv",
                "\uFEFF id , name \r\n\r\nE1,Ann\r\n   \r\n\t\r\nE2,\"B\r\nob\"\r\n\r\n"));

        assertThat(decoder.boundColumns).containsExactly("id", "name");
        assertThat(rows).containsExactly(
                DecodedRow.of(3, 2, "E1,Ann", "E1", "Ann"),
                DecodedRow.of(6, 2, "E2,\"B\r\nob\"", "E2", "B\r\nob"));
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedAndCounted() throws IOException {
        DecodedRowDecoder decoder = new DecodedRowDecoder();
        List<DecodedRow> rows = decoder.readAll(csv("late-header.csv", "\n\nid\nE1"));

        assertThat(decoder.boundColumns).containsExactly("id");
        assertThat(rows).containsExactly(DecodedRow.of(4, 1, "E1", "E1"));
    }

    @Test
    void lastRecordWithoutLineEndAndOldMacLineEndsAreRead() throws IOException {
        assertThat(read("a,b\r1,2\r3,4")).containsExactly(
                DecodedRow.of(2, 2, "1,2", "1", "2"),
                DecodedRow.of(3, 2, "3,4", "3", "4"));
    }

    @Test
    void shortRecordsArePaddedWithNullsAndLongRecordsKeepTheirFieldCount() throws IOException {
        assertThat(read("a,b,c\n1\n1,2\n1,2,3,4,5\n,,\n")).containsExactly(
                DecodedRow.of(2, 1, "1", "1", null, null),
                DecodedRow.of(3, 2, "1,2", "1", "2", null),
                DecodedRow.of(4, 5, "1,2,3,4,5", "1", "2", "3"),
                DecodedRow.of(5, 3, ",,", null, null, null));
    }

    @Test
    void valuesAreNotTrimmedAndStrayQuotesAreLiteral() throws IOException {
        assertThat(read("a,b,c\n x ,ab\"c,\"q\"tail\n")).containsExactly(
                DecodedRow.of(2, 3, " x ,ab\"c,\"q\"tail", " x ", "ab\"c", "qtail"));
    }

    @Test
    void quotedRecordsSpanningTheReadBufferAreIntact() throws IOException {
        String longValue = "x".repeat(200_000) + "\n" + "y".repeat(100_000);
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 0; i < 5; i++) {
            text.append(i).append(",\"").append(longValue).append("\"\n");
        }

        List<DecodedRow> rows = read(text.toString());

        assertThat(rows).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(rows.get(i).rowNumber()).isEqualTo(2 + 2L * i);
            assertThat(rows.get(i).values()).containsExactly(Integer.toString(i), longValue);
        }
    }

    @Test
    void manyRowsAreAllReadInOrder() throws IOException {
        StringBuilder text = new StringBuilder("id,n\n");
        for (int i = 0; i < 100_000; i++) {
            text.append("E").append(i).append(',').append(i).append('\n');
        }

        List<DecodedRow> rows = read(text.toString());

        assertThat(rows).hasSize(100_000);
        assertThat(rows.get(99_999)).isEqualTo(DecodedRow.of(100_001, 2, "E99999,99999", "E99999", "99999"));
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        Path empty = csv("empty.csv", "");

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(empty))
                .isInstanceOf(RowFormatException.class)
                .hasMessage("census file " + empty + " is empty: expected a header line");
    }

    @Test
    void aFileOfBlankLinesIsEmpty() throws IOException {
        Path blank = csv("blank.csv", "\n \r\n\t\n");

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(blank))
                .isInstanceOf(RowFormatException.class)
                .hasMessage("census file " + blank + " is empty: expected a header line");
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws IOException {
        assertThat(read("id,name\n")).isEmpty();
    }

    @Test
    void aMissingRequiredColumnIsTheDecodersSentence() throws IOException {
        Path file = csv("cols.csv", "id,name\n1,a\n");

        assertThatThrownBy(() -> new DecodedRowDecoder("id", "hire_date").readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " lacks the required column(s) hire_date");
    }

    @Test
    void binaryGarbageIsRejectedWithASentence() throws IOException {
        byte[] garbage = new byte[1 << 20];
        new Random(42).nextBytes(garbage);
        garbage[3] = 0;
        Path file = Files.write(dir.resolve("garbage.csv"), garbage);

        assertThatThrownBy(() -> new DecodedRowDecoder("id").readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessageStartingWith(file + " does not look like a CSV text file");
    }

    @Test
    void aParquetFileNamedCsvIsRejectedWithASentence() throws IOException {
        byte[] bytes = new byte[64];
        System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        Path file = Files.write(dir.resolve("census.csv"), bytes);

        assertThatThrownBy(() -> new DecodedRowDecoder("id").readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " does not look like a CSV text file: its header line contains binary"
                        + " data (NUL bytes)");
    }

    @Test
    void invalidUtf8InTheHeaderIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), "id,pr\u00e9nom\n1,a\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " does not look like a CSV text file: its header line is not valid UTF-8 text");
    }

    @Test
    void aRecordLongerThanTheCapFailsInsteadOfExhaustingMemory() throws IOException {
        byte[] noLineEnd = new byte[3 << 20];
        Arrays.fill(noLineEnd, (byte) 'x');
        Path file = Files.write(dir.resolve("one-line.csv"), noLineEnd);

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessageStartingWith(file + " line 1: a record is longer than 1048576 characters");
    }

    @Test
    void anUnterminatedQuoteNamesTheFileAndLine() throws IOException {
        Path file = csv("open-quote.csv", "id,note\n1,ok\n\n2,\"never closed\n3,more\n");

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(RowFormatException.class)
                .hasMessage(file + " line 4: a quoted field opened on this line is never closed (the file"
                        + " ends inside the quotes)");
    }

    @Test
    void rowsBeforeAnErrorAreDelivered() throws IOException {
        Path file = csv("late-error.csv", "id\n1\n2\n\"3\n");
        List<DecodedRow> seen = new java.util.ArrayList<>();

        assertThatThrownBy(() -> RowFiles.readAll(file, new DecodedRowDecoder(), seen::add))
                .isInstanceOf(RowFormatException.class);
        assertThat(seen).extracting(DecodedRow::rowNumber).containsExactly(2L, 3L);
    }

    @Test
    void unsupportedExtensionsAreRefusedWithTheSupportedFormats() throws IOException {
        Path file = csv("census.xlsx", "id\n1\n");

        assertThatThrownBy(() -> new DecodedRowDecoder().readAll(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read census.xlsx: the supported formats are CSV (a file name ending in"
                        + " .csv) and Parquet (.parquet)");
    }

    @Test
    void extensionsAreCaseInsensitive() throws IOException {
        assertThat(new DecodedRowDecoder().readAll(csv("UPPER.CSV", "id\n1\n"))).hasSize(1);
    }
}
