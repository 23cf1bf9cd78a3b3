package io.planwise.cli;

import io.planwise.connector.rows.RowFileType;
import io.planwise.connector.rows.RowFiles;
import io.planwise.connector.rows.RowReader;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusRowDecoder;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What is checked before any engine starts, so that a wrong input costs a second and one line, not
 * a started job and a stack trace: the census file and its header, the warehouse directory. Config
 * and assumption files check themselves as they are read (file, line and key in the message).
 */
final class InputChecks {
    private InputChecks() {}

    /** The census file exists, is CSV or Parquet, and its header has every required column. */
    static Path censusFile(String path) throws IOException {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("census file " + path + " does not exist");
        }
        try {
            RowFileType.of(String.valueOf(file.getFileName()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // Binding the decoder reads only the header (CSV) or the footer (Parquet).
        try (RowReader<CensusRow> header = RowFiles.open(file, new CensusRowDecoder())) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** The warehouse directory exists (or can be made) and this process can write into it. */
    static WarehouseLayout warehouse(String path) {
        Path root = Path.of(path);
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".planwise-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the warehouse directory " + path + " is not writable: " + e.getMessage());
        }
        return new WarehouseLayout(root);
    }
}
