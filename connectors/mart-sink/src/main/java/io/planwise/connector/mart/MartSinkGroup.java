package io.planwise.connector.mart;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The sinks of one run and their single publish step. Create every sink with {@link #sink}
 * before the job is executed; when Flink translates the last of them, the committed-file streams
 * of all are joined with the decision stream into the publish step (parallelism 1, one manifest
 * per run). See {@link MartSink} for the semantics.
 */
public final class MartSinkGroup<T> {
    private final MartCatalog<T> catalog;
    private final RunPublication<T> publication;
    private final DataStream<PublishDecision> decisions;
    private final List<DataStream<String>> committed = new ArrayList<>();
    private int sinks;

    /**
     * @param decisions a stream that carries exactly one {@link PublishDecision} for the run
     */
    public MartSinkGroup(MartCatalog<T> catalog, RunPublication<T> publication, DataStream<PublishDecision> decisions) {
        this.catalog = catalog;
        this.publication = publication;
        this.decisions = decisions;
    }

    /** A new sink of this run; attach it with {@code stream.sinkTo(group.sink())}. */
    public MartSink<T> sink() {
        sinks++;
        return new MartSink<>(catalog, publication.runDir(), this);
    }

    void committed(DataStream<String> files) {
        committed.add(files);
        if (committed.size() < sinks) {
            return;
        }
        @SuppressWarnings("unchecked")
        DataStream<String> all = committed.get(0).union(committed.subList(1, committed.size()).toArray(new DataStream[0]));
        all.connect(decisions)
                .transform("publish run", Types.STRING, new RunPublishOperator<>(publication))
                .setParallelism(1)
                .setMaxParallelism(1);
    }
}
