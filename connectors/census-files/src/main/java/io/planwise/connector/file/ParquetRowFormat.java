package io.planwise.connector.file;

import io.planwise.connector.rows.ParquetRowReader;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.IOException;

/**
 * Reads a Parquet file as rows of text, each decoded by a {@link RowDecoder}, so that a Parquet
 * census and a CSV census reach the decoder in the same shape.
 *
 * <p><b>Columns</b>: the file's top-level primitive, non-repeated columns, in schema order; nested
 * and repeated columns (lists, maps, structs) are not read and not listed. The file is read through
 * Flink's file system (any Flink-supported scheme), with parquet-hadoop's reader but no Hadoop file
 * system.
 *
 * <p><b>Rows</b> are decoded in file order with
 * <ul>
 *   <li>their row number: the 1-based row index in the file;</li>
 *   <li>one text value per column: DATE as {@code yyyy-MM-dd}; TIMESTAMP (and legacy INT96) as
 *       ISO-8601, e.g. {@code 2017-06-30T00:00:00}, with a trailing {@code Z} when the timestamp is
 *       adjusted to UTC; TIME as ISO; DECIMAL as a plain number ({@code 1234.50}); strings (and
 *       unannotated binaries) as UTF-8; other integers, floating point numbers and booleans as Java
 *       prints them ({@code 117500.0}, {@code true}); NULL as {@code null};</li>
 *   <li>a field count equal to the number of columns;</li>
 *   <li>a raw text that renders the row as a CSV line would hold it (nulls empty, quotes only where
 *       needed), for error reports.</li>
 * </ul>
 *
 * <p><b>Errors</b> are {@link RowFormatException}s whose message names the file: a file that is not
 * Parquet ({@code "<file> is not a Parquet file"}), one whose footer or data cannot be read (with the
 * row number), or the decoder's own rejection of the columns.
 *
 * <p>Messages name the file by its path when the format comes from {@link RowFileSources#forFile}
 * (or {@link io.planwise.connector.rows.RowFiles#readAll}); a format built with the public constructor is never told its file's
 * name, and says {@code (unnamed file)}.
 *
 * <p>Not splittable: row numbers need the whole file, read once, in order. Readers report no
 * checkpoint offset, so Flink restores a reader by reading the file again and skipping the records
 * already emitted.
 *
 * @param <T> the record type the decoder produces
 */
public final class ParquetRowFormat<T> extends WholeFileRowFormat<T> {

    private static final long serialVersionUID = 1L;

    public ParquetRowFormat(RowDecoder<T> decoder, TypeInformation<T> type) {
        this(UNNAMED_SOURCE, decoder, type);
    }

    ParquetRowFormat(String source, RowDecoder<T> decoder, TypeInformation<T> type) {
        super(source, decoder, type);
    }

    @Override
    public Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        // A seek to the current position ends Flink's batch of records without moving (see ParquetRowReader).
        return new StreamFormatReader<>(new ParquetRowReader<>(source, decoder, new ParquetInputFile(stream, fileLen),
                () -> {
                    try {
                        stream.seek(stream.getPos());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
    }
}
