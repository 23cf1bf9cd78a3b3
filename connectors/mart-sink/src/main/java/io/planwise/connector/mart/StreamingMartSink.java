package io.planwise.connector.mart;

import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Parquet marts of a STREAMING job: a plain {@link FileSink}, one directory per mart
 * ({@code <directory>/<mart>/part-*.parquet}, no partitions), with no run directory and no
 * manifest.
 *
 * <p><b>Commit on checkpoint.</b> Rows go into hidden in-progress part files
 * ({@code .part-…parquet.inprogress.…}); at every checkpoint each writing subtask closes its files
 * ({@link OnCheckpointRollingPolicy}) and, when the checkpoint completes, the committer renames them
 * to their final names. A finished file is never changed again, so readers glob
 * {@code <mart>/*.parquet} and see exactly the rows of completed checkpoints (the in-progress files
 * never match the glob).
 *
 * <p><b>Failure.</b> After a failure or a restore from a retained checkpoint, files of checkpoints
 * that completed but were not renamed yet are committed from the checkpoint's state, and rows
 * written after the last completed checkpoint are dropped with their in-progress files and written
 * again by the replay; with a source that replays from its checkpointed position (the HR events
 * outbox source does), every row lands in a committed file exactly once.
 */
public final class StreamingMartSink {
    private StreamingMartSink() {}

    /** A sink writing each record into the mart the catalog's router names for it, below directory. */
    public static <T> FileSink<T> create(MartCatalog<T> catalog, java.nio.file.Path directory) {
        return FileSink.forBulkFormat(new Path(directory.toUri()), MartBulkWriter.factory(catalog))
                .withBucketAssigner(new MartDirectory<>(catalog.router()))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .build();
    }

    /** The bucket of a record: its mart's directory. */
    private static final class MartDirectory<T> implements BucketAssigner<T, String> {
        private static final long serialVersionUID = 1L;
        private final MartCatalog.Router<T> router;

        MartDirectory(MartCatalog.Router<T> router) {
            this.router = router;
        }

        @Override
        public String getBucketId(T element, Context context) {
            return router.mart(element);
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
