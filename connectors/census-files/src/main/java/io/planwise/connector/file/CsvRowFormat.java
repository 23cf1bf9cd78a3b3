package io.planwise.connector.file;

import io.planwise.connector.rows.CsvRowReader;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.IOException;

/**
 * Reads a CSV file with a header line as rows of text, each decoded by a {@link RowDecoder}.
 *
 * <p><b>Format</b> (RFC 4180): comma separator; fields may be double-quoted, with {@code ""} for a
 * quote inside; quoted fields may contain commas and line ends, so a record may span several lines.
 * Lines end in LF, CRLF or CR. The file is UTF-8 (malformed bytes become U+FFFD); a byte order mark
 * before the header is dropped. The header is the first non-blank line; its names are trimmed.
 * Values are not trimmed.
 *
 * <p><b>Rows</b>: blank lines (empty or only spaces and tabs) are skipped. Every other record is
 * decoded, in file order, with
 * <ul>
 *   <li>its row number: the physical line on which it starts, 1-based, the header being line 1 (so
 *       blank lines and the extra lines of multi-line records still count, and the number is the one
 *       an editor shows);</li>
 *   <li>one value per header column: {@code null} for an empty field (quoted or not), nulls for the
 *       missing fields of a short record, and the extra fields of a long record dropped, its real
 *       field count being passed alongside;</li>
 *   <li>its raw text: the record's line(s) as they appear in the file, without the final line end.</li>
 * </ul>
 *
 * <p><b>Errors</b> are {@link RowFormatException}s whose message names the file (and line): an empty
 * file, a header with binary data or invalid UTF-8, a quote never closed before the end of the file,
 * a record over 1,048,576 characters (so a binary file fails with a sentence, never an
 * OutOfMemoryError), or the decoder's own rejection of the columns. Problems
 * within a row are the decoder's to report, as records.
 *
 * <p>Messages name the file by its path when the format comes from {@link RowFileSources#forFile}
 * (or {@link io.planwise.connector.rows.RowFiles#readAll}); a format built with the public constructor is never told its file's
 * name, and says {@code (unnamed file)}.
 *
 * <p>Not splittable: line numbers need the whole file, read once, in order. Readers report no
 * checkpoint offset, so Flink restores a reader by reading the file again and skipping the records
 * already emitted.
 *
 * @param <T> the record type the decoder produces
 */
public final class CsvRowFormat<T> extends WholeFileRowFormat<T> {

    private static final long serialVersionUID = 1L;

    public CsvRowFormat(RowDecoder<T> decoder, TypeInformation<T> type) {
        this(UNNAMED_SOURCE, decoder, type);
    }

    CsvRowFormat(String source, RowDecoder<T> decoder, TypeInformation<T> type) {
        super(source, decoder, type);
    }

    @Override
    public Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return new StreamFormatReader<>(new CsvRowReader<>(source, decoder, stream));
    }
}
