package io.planwise.connector.rows;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the rows of one file, in file order, each decoded into a record. The same readers serve a
 * Flink job (wrapped as a FileSource format), the SQL engine and the CLI's input checks, so row
 * numbers, raw rows and error messages are the same everywhere.
 *
 * @param <T> the record type the file's {@link RowDecoder} produces
 */
public interface RowReader<T> extends Closeable {

    /** The next record, or null at the end of the file. */
    T read() throws IOException;
}
