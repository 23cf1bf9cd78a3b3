package io.planwise.connector.postgres.outbox.enumerator;

import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplitSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Stores the enumerator's unassigned splits. Version 1: a count, then per split its serializer
 * version, length and bytes (so a split layout can evolve on its own). A later layout gets a new
 * version number and this class keeps reading version 1, so old checkpoints stay restorable.
 */
public final class HrEventsOutboxSourceEnumStateSerializer implements SimpleVersionedSerializer<HrEventsOutboxSourceEnumState> {
    static final int VERSION_1 = 1;
    private final HrEventsOutboxSplitSerializer splits = HrEventsOutboxSplitSerializer.INSTANCE;

    @Override
    public int getVersion() {
        return VERSION_1;
    }

    @Override
    public byte[] serialize(HrEventsOutboxSourceEnumState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.unassigned().size());
            for (HrEventsOutboxSplit split : state.unassigned()) {
                byte[] b = splits.serialize(split);
                out.writeInt(splits.getVersion());
                out.writeInt(b.length);
                out.write(b);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public HrEventsOutboxSourceEnumState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1) {
            throw new IOException("cannot read an HR events outbox enumerator state of version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int count = in.readInt();
            List<HrEventsOutboxSplit> unassigned = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int splitVersion = in.readInt();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                unassigned.add(splits.deserialize(splitVersion, b));
            }
            return new HrEventsOutboxSourceEnumState(unassigned);
        }
    }
}
