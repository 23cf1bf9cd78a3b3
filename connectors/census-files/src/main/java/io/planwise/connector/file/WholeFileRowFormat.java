package io.planwise.connector.file;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFileType;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * What the CSV and Parquet formats share: a file is read whole, by one reader, in order (row
 * numbers need that), and a restored reader starts again from the beginning, because readers
 * report no checkpoint offset.
 */
abstract class WholeFileRowFormat<T> implements StreamFormat<T> {
    private static final long serialVersionUID = 1L;

    /** How messages name a file read by a format built without knowing which file it reads. */
    static final String UNNAMED_SOURCE = "(unnamed file)";

    protected final String source;
    protected final RowDecoder<T> decoder;
    private final TypeInformation<T> type;

    WholeFileRowFormat(String source, RowDecoder<T> decoder, TypeInformation<T> type) {
        this.source = Objects.requireNonNull(source, "source");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The format of one file of the given type; {@code source} names it in messages. */
    static <T> WholeFileRowFormat<T> of(RowFileType fileType, String source, RowDecoder<T> decoder, TypeInformation<T> type) {
        return fileType == RowFileType.CSV ? new CsvRowFormat<>(source, decoder, type)
                : new ParquetRowFormat<>(source, decoder, type);
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
            long fileLen, long splitEnd) {
        // Flink only calls this with an offset a reader reported, and these readers report none.
        throw new UnsupportedOperationException(
                "row readers restart from the beginning of the file, not from offset " + restoredOffset);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
