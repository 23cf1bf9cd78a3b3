package io.planwise.connector.rows;

import java.io.Serializable;
import java.util.List;

/**
 * Turns rows of text into records of type {@code T}. Serializable: it travels with the job.
 *
 * <p>The readers ({@link CsvRowFormat}, {@link ParquetRowFormat}) know nothing about the records they
 * produce; they hand every row of a file, as text, to the decoder bound to that file.
 *
 * @param <T> the record type
 */
public interface RowDecoder<T> extends Serializable {

    /**
     * Called once per file with its column names, in file order.
     *
     * @param source the file, as a human reads it in a message
     * @param columns the column names, in file order
     * @return the decoder for this file's rows
     * @throws RowFormatException with a human sentence naming the file and the missing column(s)
     *     when a required column is absent
     */
    BoundDecoder<T> bind(String source, List<String> columns) throws RowFormatException;

    /**
     * Decodes the rows of one file, whose columns are known.
     *
     * @param <T> the record type
     */
    interface BoundDecoder<T> {

        /**
         * Decodes one row. Must not return {@code null}: every row becomes a record (a decoder that
         * rejects a row returns a record that says so), so no row is lost without trace.
         *
         * @param rowNumber CSV: the physical line number (1-based, the header is line 1) where the
         *     record starts; Parquet: the 1-based row index
         * @param values one entry per column ({@code null} = empty CSV field or SQL NULL); a CSV
         *     record with fewer fields than the header is padded with nulls, one with more fields
         *     gets the extras dropped
         * @param fieldCount how many fields the row really had (CSV records may differ from the
         *     header; Parquet rows never do)
         * @param raw the record as it appeared (CSV: the raw text of its line(s); Parquet: a
         *     CSV-like rendering)
         * @return the record for this row, never null
         */
        T decode(long rowNumber, String[] values, int fieldCount, String raw);
    }
}
