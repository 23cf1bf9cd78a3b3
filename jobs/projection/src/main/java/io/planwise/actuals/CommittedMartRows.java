package io.planwise.actuals;

import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.contract.Mart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Rows in the current files of streaming marts ({@link StreamingMartFiles#current}: committed and
 * compacted files by the reader rule), from the Parquet footers: what a reader sees now. Hidden
 * in-progress files and files a compaction replaced are not counted.
 */
public final class CommittedMartRows {
    private CommittedMartRows() {}

    public static long count(Path actualsDirectory, List<Mart> marts) {
        long rows = 0;
        for (Mart mart : marts) {
            for (Path f : StreamingMartFiles.current(actualsDirectory.resolve(mart.name()))) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                    rows += reader.getRecordCount();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the footer of " + f, e);
                }
            }
        }
        return rows;
    }

    /** Whether any mart below the directory has a current file (to tell a fresh directory from a used one). */
    public static boolean anyCommitted(Path actualsDirectory, List<Mart> marts) {
        return marts.stream().anyMatch(m -> !StreamingMartFiles.current(actualsDirectory.resolve(m.name())).isEmpty());
    }
}
