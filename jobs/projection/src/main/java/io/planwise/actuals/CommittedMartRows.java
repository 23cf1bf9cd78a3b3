package io.planwise.actuals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.planwise.warehouse.contract.Mart;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Rows in the committed part files of streaming marts, from the Parquet footers: what a reader
 * globbing {@code <mart>/*.parquet} sees now. Hidden in-progress files are not counted.
 */
public final class CommittedMartRows {
    private CommittedMartRows() {}

    public static long count(Path actualsDirectory, List<Mart> marts) {
        long rows = 0;
        for (Mart mart : marts) {
            Path dir = actualsDirectory.resolve(mart.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(CommittedMartRows::isCommitted).toList()) {
                    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                        rows += reader.getRecordCount();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the committed files of " + dir, e);
            }
        }
        return rows;
    }

    /** Committed files of any mart below the directory (to tell a fresh directory from a used one). */
    public static boolean anyCommitted(Path actualsDirectory, List<Mart> marts) {
        for (Mart mart : marts) {
            Path dir = actualsDirectory.resolve(mart.name());
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.anyMatch(CommittedMartRows::isCommitted)) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }

    private static boolean isCommitted(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".parquet") && !name.startsWith(".");
    }
}
