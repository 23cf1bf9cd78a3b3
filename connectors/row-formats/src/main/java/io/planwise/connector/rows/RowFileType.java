package io.planwise.connector.rows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.parquet.io.LocalInputFile;

/** The tabular file types this module reads, recognised by file name extension. */
public enum RowFileType {
    CSV(".csv"),
    PARQUET(".parquet");

    private final String extension;

    RowFileType(String extension) {
        this.extension = extension;
    }

    /**
     * @throws IllegalArgumentException naming the supported formats when the extension is none of
     *     theirs
     */
    public static RowFileType of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (RowFileType type : values()) {
            if (name.endsWith(type.extension)) {
                return type;
            }
        }
        throw new IllegalArgumentException("cannot read " + fileName + ": the supported formats are CSV"
                + " (a file name ending in .csv) and Parquet (.parquet)");
    }

    /** A reader over a local file; {@code source} names it in messages. */
    public <T> RowReader<T> open(String source, RowDecoder<T> decoder, Path file) throws IOException {
        if (this == CSV) {
            InputStream in = Files.newInputStream(file);
            try {
                return new CsvRowReader<>(source, decoder, in);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
        return new ParquetRowReader<>(source, decoder, new LocalInputFile(file), () -> { });
    }
}
