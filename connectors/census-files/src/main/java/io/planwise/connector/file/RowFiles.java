package io.planwise.connector.file;

import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a whole CSV or Parquet file without a Flink job (for the CLI and tests), with the very
 * readers {@link CsvRowFormat} and {@link ParquetRowFormat} create: same rows, numbers and errors.
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
    public static <T> void readAll(java.nio.file.Path file, RowDecoder<T> decoder, Consumer<T> sink)
            throws IOException {
        RowFileType fileType = RowFileType.of(String.valueOf(file.getFileName()));
        Path path = Path.fromLocalFile(file.toAbsolutePath().toFile());
        FileSystem fileSystem = path.getFileSystem();
        long length = fileSystem.getFileStatus(path).getLen();
        String source = file.toString();
        try (FSDataInputStream in = fileSystem.open(path);
                StreamFormat.Reader<T> reader = fileType.open(source, decoder, in, length)) {
            for (T record = reader.read(); record != null; record = reader.read()) {
                sink.accept(record);
            }
        }
    }
}
