package io.planwise.connector.postgres;

import java.util.List;

/**
 * What the enumerator checkpoints: the split while no reader holds it (before the first reader
 * asked, or after a failed reader gave it back). Once assigned, the position lives in the reader's
 * state instead.
 */
public record HrEventsOutboxEnumeratorState(List<HrEventsOutboxSplit> unassigned) {

    public HrEventsOutboxEnumeratorState {
        unassigned = List.copyOf(unassigned);
    }
}
