package io.planwise.connector.postgres.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumState;
import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumStateSerializer;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplitSerializer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints written before the source moved into its FLIP-27 packages stay restorable: the bytes
 * below are what version 1 of both serializers wrote (split id, txid 9,000,000,123, event_id 42).
 * Class and package names are not part of the format, only these bytes and the version numbers.
 */
class HrEventsOutboxCheckpointFormatTest {
    private static final String SPLIT_V1 = "001068722d6576656e74732d6f7574626f780000000218711a7b000000000000002a";
    private static final String STATE_V1 = "000000010000000100000022" + SPLIT_V1;
    private static final HrEventsOutboxSplit SPLIT = HrEventsOutboxSplit.fromStart().after(9_000_000_123L, 42);

    @Test
    void version1SplitsAreReadAndWrittenByteForByte() throws Exception {
        HrEventsOutboxSplitSerializer splits = HrEventsOutboxSplitSerializer.INSTANCE;
        assertThat(splits.getVersion()).isEqualTo(1);
        assertThat(splits.deserialize(1, HexFormat.of().parseHex(SPLIT_V1))).isEqualTo(SPLIT);
        assertThat(HexFormat.of().formatHex(splits.serialize(SPLIT))).isEqualTo(SPLIT_V1);
    }

    @Test
    void version1EnumeratorStatesAreReadAndWrittenByteForByte() throws Exception {
        HrEventsOutboxSourceEnumStateSerializer states = new HrEventsOutboxSourceEnumStateSerializer();
        HrEventsOutboxSourceEnumState state = new HrEventsOutboxSourceEnumState(List.of(SPLIT));
        assertThat(states.getVersion()).isEqualTo(1);
        assertThat(states.deserialize(1, HexFormat.of().parseHex(STATE_V1))).isEqualTo(state);
        assertThat(HexFormat.of().formatHex(states.serialize(state))).isEqualTo(STATE_V1);
        assertThat(states.deserialize(1, HexFormat.of().parseHex("00000000")).unassigned()).isEmpty();
    }
}
