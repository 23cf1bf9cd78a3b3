package io.planwise.connector.mart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs {@link RunPublication} once both of its inputs have ended: the committed part files (first
 * input, known only after FileSink's committer has committed them) and the job's publish decision
 * (second input). Parallelism 1: there is one manifest per run.
 */
final class RunPublishOperator<T> extends AbstractStreamOperator<String>
        implements TwoInputStreamOperator<String, PublishDecision, String>, BoundedMultiInput {
    private static final long serialVersionUID = 1L;

    private final RunPublication<T> publication;
    private transient List<Path> files;
    private transient PublishDecision decision;
    private transient int endedInputs;

    RunPublishOperator(RunPublication<T> publication) {
        this.publication = publication;
    }

    @Override
    public void open() throws Exception {
        super.open();
        files = new ArrayList<>();
    }

    @Override
    public void processElement1(StreamRecord<String> element) {
        // The committed file, given relative to the run directory.
        files.add(publication.runDir().resolve(element.getValue()));
    }

    @Override
    public void processElement2(StreamRecord<PublishDecision> element) {
        if (decision != null) {
            throw new IllegalStateException("a run has exactly one publish decision; got a second one");
        }
        decision = element.getValue();
    }

    @Override
    public void endInput(int inputId) {
        if (++endedInputs < 2) {
            return;
        }
        if (decision == null) {
            throw new IllegalStateException("the job ended without a publish decision; nothing is published");
        }
        publication.publish(files, decision);
        output.collect(new StreamRecord<>(publication.runDir().toString()));
    }
}
