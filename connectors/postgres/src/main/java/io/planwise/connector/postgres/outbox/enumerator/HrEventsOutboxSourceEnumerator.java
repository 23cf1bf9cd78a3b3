package io.planwise.connector.postgres.outbox.enumerator;

import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the outbox's single split to the first reader that asks for it; any other reader is told
 * there is nothing for it (the outbox is one ordered stream, read by one subtask). A split given
 * back by a failed reader waits here for the next request.
 */
public final class HrEventsOutboxSourceEnumerator implements SplitEnumerator<HrEventsOutboxSplit, HrEventsOutboxSourceEnumState> {
    private final SplitEnumeratorContext<HrEventsOutboxSplit> context;
    private final List<HrEventsOutboxSplit> unassigned;

    public HrEventsOutboxSourceEnumerator(SplitEnumeratorContext<HrEventsOutboxSplit> context, List<HrEventsOutboxSplit> unassigned) {
        this.context = context;
        this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public void start() {
        // readers ask for the split when they start
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (unassigned.isEmpty()) {
            context.signalNoMoreSplits(subtaskId);
            return;
        }
        for (HrEventsOutboxSplit split : unassigned) {
            context.assignSplit(split, subtaskId);
        }
        unassigned.clear();
    }

    @Override
    public void addSplitsBack(List<HrEventsOutboxSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        // the reader sends a split request from its start()
    }

    @Override
    public HrEventsOutboxSourceEnumState snapshotState(long checkpointId) {
        return new HrEventsOutboxSourceEnumState(unassigned);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
