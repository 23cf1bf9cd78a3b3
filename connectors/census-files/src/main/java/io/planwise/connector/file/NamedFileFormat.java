package io.planwise.connector.file;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import io.planwise.connector.rows.RowFileType;

import org.apache.flink.api.common.io.InputStreamFSInputWrapper;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads each file of a {@link org.apache.flink.connector.file.src.FileSource} with a row format that
 * knows which file it reads.
 *
 * <p>A {@link StreamFormat} is never told its file's name, yet every message about a bad census must
 * name it; so the format is built per split, from the split's path. Empty files are handled here too:
 * Flink's stream adapter refuses them with a bare IllegalArgumentException, while the row formats
 * explain why an empty file cannot be read.
 */
final class NamedFileFormat<T> implements BulkFormat<T, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    private final RowFileType fileType;
    private final RowDecoder<T> decoder;
    private final TypeInformation<T> type;

    NamedFileFormat(RowFileType fileType, RowDecoder<T> decoder, TypeInformation<T> type) {
        this.fileType = fileType;
        this.decoder = decoder;
        this.type = type;
    }

    @Override
    public Reader<T> createReader(Configuration config, FileSourceSplit split) throws IOException {
        StreamFormat<T> format = formatFor(config, split);
        return new StreamFormatAdapter<>(format).createReader(config, split);
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        StreamFormat<T> format = formatFor(config, split);
        return new StreamFormatAdapter<>(format).restoreReader(config, split);
    }

    private StreamFormat<T> formatFor(Configuration config, FileSourceSplit split) throws IOException {
        String source = sourceName(split.path());
        StreamFormat<T> format = WholeFileRowFormat.of(fileType, source, decoder, type);
        if (split.length() == 0) {
            format.createReader(config, new InputStreamFSInputWrapper(InputStream.nullInputStream()), 0, 0)
                    .close();
            throw new RowFormatException(source + " is empty");
        }
        return format;
    }

    /** Local files by their plain path, as a person typed it; others by their URI. */
    static String sourceName(Path path) {
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
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
