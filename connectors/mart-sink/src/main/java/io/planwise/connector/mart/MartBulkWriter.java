package io.planwise.connector.mart;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * A Parquet part file of one bucket. FileSink opens the stream before the first record arrives
 * and all records of a part file share its bucket, so the schema is chosen from the first record.
 */
final class MartBulkWriter<T> implements BulkWriter<T> {
    private final MartCatalog<T> catalog;
    private final FSDataOutputStream stream;
    private MartParquetWriter<T> writer;

    private MartBulkWriter(MartCatalog<T> catalog, FSDataOutputStream stream) {
        this.catalog = catalog;
        this.stream = stream;
    }

    static <T> Factory<T> factory(MartCatalog<T> catalog) {
        return stream -> new MartBulkWriter<>(catalog, stream);
    }

    @Override
    public void addElement(T element) throws IOException {
        if (writer == null) {
            writer = new MartParquetWriter<>(new StreamOutputFile(stream), catalog.schema(catalog.router().mart(element)));
        }
        writer.write(element);
    }

    @Override
    public void flush() {
        // Parquet cannot flush a partial row group; FileSink rolls bulk files only on commit.
    }

    @Override
    public void finish() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
