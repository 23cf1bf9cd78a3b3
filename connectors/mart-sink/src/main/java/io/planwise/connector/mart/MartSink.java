package io.planwise.connector.mart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.connector.file.sink.writer.FileWriter;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPostCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;

/**
 * Writes marts of a run as Parquet into the run's own new directory; together with the other
 * sinks of its {@link MartSinkGroup} it publishes the run when, and only when, all of it is
 * committed and the job's checks passed.
 *
 * <p><b>Layout.</b> {@code <warehouse>/runs/<scenario>/<run>/<mart>/simulation_year=<Y>/part-*.parquet},
 * one part file per writing subtask, sink and bucket. The partition column is in the directory
 * name only (see {@link MartSchema}). Money is DECIMAL(18,2), dates are DATE.
 *
 * <p><b>Why several sinks.</b> A sink placed directly behind the operator that produces the rows
 * is chained to it, so rows go from the model straight into the Parquet writer without being
 * serialized into a shuffle. A run therefore has one sink per producing operator, all of them in
 * one group that publishes once.
 *
 * <p><b>Lifecycle.</b> A thin wrapper over Flink's {@link FileSink} (bulk format, rolled only at
 * commit): while a part file is being written it is hidden ({@code .part-…inprogress…}); at the
 * end of input FileSink's committer renames it to its final name. A producer may also send a
 * record its {@link MartCatalog.Router#closesPartFiles router} marks (a trial task does after each
 * year of a detail trial): the sink then closes every part file it has open, exactly as a
 * checkpoint would, and keeps their committables for the end of input. Without it, a BATCH task
 * holds every year's file open, with its buffered row group, page buffers and dictionaries, until
 * the whole trial is done (about 500 MB of live heap by the last year of 1,000,000 × 10, measured
 * with a class histogram, which the garbage collector copied again and again). Rows that come
 * after such a record for a partition already written go to a new part file of that partition.
 * The committed files of every sink of the group flow into one publish step, which also receives the job's
 * {@link PublishDecision}. When all of them have ended it reads each file's footer for its row
 * count and hands the files to the warehouse's RunPublisher (the SQL engine publishes through it
 * too): the manifest {@code current/<scenario>.json} is moved into place atomically (see
 * ManifestStore), then {@code _run.json} says {@code published}, then old runs are pruned (a
 * failing clean-up is a warning). Because publishing happens inside the job, it works the same
 * embedded and for a detached submission to a cluster.
 *
 * <p><b>Failure.</b> A run only ever writes inside its own new directory and never overwrites. If
 * the job fails at any point before the manifest move, or the checks fail, the manifest is not
 * touched: readers keep seeing the previous run, and the orphan directory is removed later by
 * retention. A rejected run still leaves its {@code _run.json} with the reason, for the post-mortem.
 */
public final class MartSink<T> implements Sink<T>, SupportsCommitter<FileSinkCommittable>,
        SupportsPostCommitTopology<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    private final FileSink<T> files;
    private final MartCatalog.Router<T> router;
    private final transient MartSinkGroup<T> group;
    /** Path segments below the run directory: mart, partition (if any), file. */
    private final int depth;

    MartSink(MartCatalog<T> catalog, java.nio.file.Path runDir, MartSinkGroup<T> group) {
        this.group = group;
        this.router = catalog.router();
        this.depth = catalog.partitionColumn() == null ? 2 : 3;
        this.files = FileSink.forBulkFormat(new Path(runDir.toUri()), MartBulkWriter.factory(catalog))
                .withBucketAssigner(new MartBucketAssigner<>(catalog))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .build();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new ClosingWriter<>(files.createWriter(context), router);
    }

    /** FileSink's writer, closing its part files on the router's word (see Lifecycle above). */
    private static final class ClosingWriter<T> implements CommittingSinkWriter<T, FileSinkCommittable> {
        private final FileWriter<T> files;
        private final MartCatalog.Router<T> router;
        private final List<FileSinkCommittable> closed = new ArrayList<>();

        ClosingWriter(FileWriter<T> files, MartCatalog.Router<T> router) {
            this.files = files;
            this.router = router;
        }

        @Override
        public void write(T element, Context context) throws IOException, InterruptedException {
            if (router.closesPartFiles(element)) {
                closed.addAll(files.prepareCommit());
            } else {
                files.write(element, context);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            files.flush(endOfInput);
        }

        @Override
        public Collection<FileSinkCommittable> prepareCommit() throws IOException {
            List<FileSinkCommittable> all = new ArrayList<>(closed);
            closed.clear();
            all.addAll(files.prepareCommit());
            return all;
        }

        @Override
        public void close() throws Exception {
            files.close();
        }
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) throws IOException {
        return files.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return files.getCommittableSerializer();
    }

    @Override
    public void addPostCommitTopology(DataStream<CommittableMessage<FileSinkCommittable>> committables) {
        int segments = depth;
        group.committed(committables
                .flatMap((CommittableMessage<FileSinkCommittable> message, Collector<String> out) -> {
                    if (message instanceof CommittableWithLineage<FileSinkCommittable> withLineage
                            && withLineage.getCommittable().hasPendingFile()) {
                        // Only the part below the run directory travels on, which the sink named itself
                        // (mart, partition, part file): FileSink hands the path back percent-encoded, so a
                        // warehouse whose path has a space or a '%' would not match the run directory.
                        String[] parts = withLineage.getCommittable().getPendingFile().getPath().getPath().split("/");
                        out.collect(String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - segments,
                                parts.length)));
                    }
                })
                .returns(Types.STRING)
                .name("committed mart files"));
    }
}
