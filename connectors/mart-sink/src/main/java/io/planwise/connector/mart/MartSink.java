package io.planwise.connector.mart;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
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
 * Writes every mart of a run as Parquet into the run's own new directory and publishes the run
 * when, and only when, all of it is committed and the job's checks passed.
 *
 * <p><b>Layout.</b> {@code <warehouse>/runs/<scenario>/<run>/<mart>/simulation_year=<Y>/part-*.parquet},
 * one part file per writing subtask and bucket. The partition column is in the directory name
 * only (see {@link MartSchema}). Money is DECIMAL(18,2), dates are DATE.
 *
 * <p><b>Lifecycle.</b> A thin wrapper over Flink's {@link FileSink} (bulk format, rolled only at
 * commit): while a part file is being written it is hidden ({@code .part-…inprogress…}); at the
 * end of input FileSink's committer renames it to its final name. The committed files then flow
 * into this sink's post-commit topology, where a single publish step also receives the job's
 * {@link PublishDecision}. When both have ended it reads each file's footer for its row count,
 * writes {@code _run.json}, writes the manifest {@code current/<scenario>.json} atomically (see
 * the warehouse module's ManifestStore) and prunes old runs. Because publishing happens inside the
 * job, it works the same embedded and for a detached submission to a cluster.
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
    private final RunPublication<T> publication;
    private final transient DataStream<PublishDecision> decisions;

    /**
     * @param decisions a stream that carries exactly one {@link PublishDecision} for the run
     */
    public MartSink(MartCatalog<T> catalog, RunPublication<T> publication, DataStream<PublishDecision> decisions) {
        this.publication = publication;
        this.decisions = decisions;
        this.files = FileSink.forBulkFormat(new Path(publication.runDir().toUri()), MartBulkWriter.factory(catalog))
                .withBucketAssigner(new MartBucketAssigner<>(catalog))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .build();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return files.createWriter(context);
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
        DataStream<String> committed = committables
                .flatMap((CommittableMessage<FileSinkCommittable> message, Collector<String> out) -> {
                    if (message instanceof CommittableWithLineage<FileSinkCommittable> withLineage
                            && withLineage.getCommittable().hasPendingFile()) {
                        out.collect(withLineage.getCommittable().getPendingFile().getPath().getPath());
                    }
                })
                .returns(Types.STRING)
                .name("committed mart files");
        committed.connect(decisions)
                .transform("publish run", Types.STRING, new RunPublishOperator<>(publication))
                .setParallelism(1)
                .setMaxParallelism(1);
    }
}
