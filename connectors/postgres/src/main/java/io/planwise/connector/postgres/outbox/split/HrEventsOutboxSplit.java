package io.planwise.connector.postgres.outbox.split;

import io.planwise.connector.postgres.outbox.HrEventsOutboxSource;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The whole outbox as one split, with the reader's position in it: the (txid, event_id) of the
 * last row handed to Flink. Rows are read in (txid, event_id) order, and every row at or before
 * the position has been emitted; the position is what a checkpoint stores (see
 * {@link HrEventsOutboxSource} for why it is not the event_id alone). Immutable: the reader
 * replaces it as it emits rows.
 *
 * @param txid the writing transaction of the last emitted row (0 before the first)
 * @param eventId the event_id of the last emitted row (0 before the first)
 */
public record HrEventsOutboxSplit(String splitId, long txid, long eventId) implements SourceSplit {

    /** The only split id: an outbox is one ordered stream. */
    public static final String ID = "hr-events-outbox";

    /** The position before the first row of the outbox. */
    public static HrEventsOutboxSplit fromStart() {
        return new HrEventsOutboxSplit(ID, 0, 0);
    }

    /** The position after a row. */
    public HrEventsOutboxSplit after(long rowTxid, long rowEventId) {
        return new HrEventsOutboxSplit(splitId, rowTxid, rowEventId);
    }

    @Override
    public String toString() {
        return splitId + " after (txid " + txid + ", event_id " + eventId + ")";
    }
}
