package io.planwise.connector.postgres.outbox.enumerator;

import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import java.util.List;

/**
 * What the enumerator checkpoints: the split while no reader holds it (before the first reader
 * asked, or after a failed reader gave it back). Once assigned, the position lives in the reader's
 * state instead.
 */
public record HrEventsOutboxSourceEnumState(List<HrEventsOutboxSplit> unassigned) {

    public HrEventsOutboxSourceEnumState {
        unassigned = List.copyOf(unassigned);
    }
}
