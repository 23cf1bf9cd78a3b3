package io.planwise.connector.mart;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Parquet writers for records described by a {@link MartSchema}: the one place that sets how
 * marts are encoded (SNAPPY, no Hadoop configuration), used by the sink and by tools that write a
 * single file outside Flink (such as the synthetic census generator).
 */
public final class MartParquetWriter {
    /**
     * A writer holds its row group's encoded pages on the heap until the group is full, and a BATCH
     * job keeps every year's part file open until its input ends: with parquet-java's 128 MB default a
     * 1,000,000 × 10 task held each year's whole file in memory (ten years, two marts), which the
     * garbage collector copies again and again. 16 MB groups are flushed as they fill (measured: peak
     * RSS 4.16 → 3.94 GB, wall 89.5 → 85.8 s) and give readers more groups to prune and parallelise.
     */
    static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;

    private MartParquetWriter() {}

    static <T> ParquetWriter.Builder<T, ?> builder(OutputFile file, MartSchema<T> schema) {
        return new Builder<>(file, schema);
    }

    /** Writes all records to a local Parquet file, replacing it. */
    public static <T> void write(Path file, MartSchema<T> schema, Iterable<T> records) throws IOException {
        try (ParquetWriter<T> writer = builder(new LocalOutputFile(file), schema).build()) {
            for (T record : records) {
                writer.write(record);
            }
        }
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final MartSchema<T> schema;

        Builder(OutputFile file, MartSchema<T> schema) {
            super(file);
            this.schema = schema;
            withConf(new PlainParquetConfiguration());
            withCompressionCodec(CompressionCodecName.SNAPPY);
            withRowGroupSize(ROW_GROUP_BYTES);
            withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new MartWriteSupport<>(schema);
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new MartWriteSupport<>(schema);
        }
    }
}
