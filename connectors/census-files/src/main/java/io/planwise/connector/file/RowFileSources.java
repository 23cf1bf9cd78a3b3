package io.planwise.connector.file;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFileType;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;

/** Flink sources for tabular files, CSV or Parquet chosen by the file's extension. */
public final class RowFileSources {

    private RowFileSources() {
    }

    /**
     * A bounded source reading one file, {@code .csv} as {@link CsvRowFormat} or {@code .parquet} as
     * {@link ParquetRowFormat} (case-insensitive). Messages about the file name it by its path.
     *
     * @throws IllegalArgumentException with a sentence listing the supported formats when the
     *     extension is neither
     */
    public static <T> FileSource<T> forFile(Path file, RowDecoder<T> decoder, TypeInformation<T> type) {
        RowFileType fileType = RowFileType.of(file.getName());
        return FileSource.forBulkFileFormat(new NamedFileFormat<>(fileType, decoder, type), file)
                // Flink's default filter drops names starting with '.' or '_': such a census would
                // silently read as no rows at all.
                .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(path -> true))
                .build();
    }
}
