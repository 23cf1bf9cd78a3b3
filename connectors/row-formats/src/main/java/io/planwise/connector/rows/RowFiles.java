package io.planwise.connector.rows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a whole local CSV or Parquet file without a Flink job (the SQL engine, the CLI's checks,
 * tests), with the very readers the Flink formats wrap: same rows, numbers and errors.
 */
public final class RowFiles {

    private RowFiles() {
    }

    /**
     * Decodes every row of {@code file}, in order, into {@code sink}.
     *
     * @throws IllegalArgumentException when the extension is neither {@code .csv} nor {@code .parquet}
     * @throws RowFormatException when the file cannot be read as rows
     * @throws IOException when the file cannot be read at all
     */
    public static <T> void readAll(Path file, RowDecoder<T> decoder, Consumer<T> sink) throws IOException {
        try (RowReader<T> reader = open(file, decoder)) {
            for (T record = reader.read(); record != null; record = reader.read()) {
                sink.accept(record);
            }
        }
    }

    /**
     * Opens {@code file} and binds the decoder to its header, reading no row yet: what a check of the
     * header (a missing required column) needs, at the cost of one header line or Parquet footer.
     */
    public static <T> RowReader<T> open(Path file, RowDecoder<T> decoder) throws IOException {
        return RowFileType.of(String.valueOf(file.getFileName())).open(file.toString(), decoder, file);
    }
}
