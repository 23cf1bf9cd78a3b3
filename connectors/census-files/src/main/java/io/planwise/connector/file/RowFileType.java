package io.planwise.connector.file;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.IOException;
import java.util.Locale;

/** The tabular file types this module reads, recognised by file name extension. */
enum RowFileType {

    CSV(".csv") {
        @Override
        <T> StreamFormat<T> format(String source, RowDecoder<T> decoder, TypeInformation<T> type) {
            return new CsvRowFormat<>(source, decoder, type);
        }

        @Override
        <T> StreamFormat.Reader<T> open(String source, RowDecoder<T> decoder, FSDataInputStream in, long length)
                throws IOException {
            return new CsvRowReader<>(source, decoder, in);
        }
    },

    PARQUET(".parquet") {
        @Override
        <T> StreamFormat<T> format(String source, RowDecoder<T> decoder, TypeInformation<T> type) {
            return new ParquetRowFormat<>(source, decoder, type);
        }

        @Override
        <T> StreamFormat.Reader<T> open(String source, RowDecoder<T> decoder, FSDataInputStream in, long length)
                throws IOException {
            return new ParquetRowReader<>(source, decoder, in, length);
        }
    };

    /** How messages name a file read by a format built without knowing which file it reads. */
    static final String UNNAMED_SOURCE = "(unnamed file)";

    private final String extension;

    RowFileType(String extension) {
        this.extension = extension;
    }

    /** The format for one file; {@code source} names it in messages. */
    abstract <T> StreamFormat<T> format(String source, RowDecoder<T> decoder, TypeInformation<T> type);

    /** The reader the format would create, for reading without Flink's runtime. */
    abstract <T> StreamFormat.Reader<T> open(String source, RowDecoder<T> decoder, FSDataInputStream in,
            long length) throws IOException;

    /**
     * @throws IllegalArgumentException naming the supported formats when the extension is none of
     *     theirs
     */
    static RowFileType of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (RowFileType type : values()) {
            if (name.endsWith(type.extension)) {
                return type;
            }
        }
        throw new IllegalArgumentException("cannot read " + fileName + ": the supported formats are CSV"
                + " (a file name ending in .csv) and Parquet (.parquet)");
    }
}
