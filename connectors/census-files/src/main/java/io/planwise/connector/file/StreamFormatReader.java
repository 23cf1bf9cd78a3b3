package io.planwise.connector.file;

import io.planwise.connector.rows.RowReader;
import java.io.IOException;
import org.apache.flink.connector.file.src.reader.StreamFormat;

/** A plain {@link RowReader} as the reader of a Flink {@link StreamFormat}. */
final class StreamFormatReader<T> implements StreamFormat.Reader<T> {
    private final RowReader<T> rows;

    StreamFormatReader(RowReader<T> rows) {
        this.rows = rows;
    }

    @Override
    public T read() throws IOException {
        return rows.read();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
