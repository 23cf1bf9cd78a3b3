package io.planwise.connector.postgres.outbox.split;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Stores a {@link HrEventsOutboxSplit} in checkpoints and savepoints. Version 1: the split id
 * (modified UTF-8), then txid and event_id as 8-byte integers. A later layout gets a new version
 * number and this class keeps reading version 1, so old checkpoints stay restorable.
 */
public final class HrEventsOutboxSplitSerializer implements SimpleVersionedSerializer<HrEventsOutboxSplit> {
    public static final HrEventsOutboxSplitSerializer INSTANCE = new HrEventsOutboxSplitSerializer();
    static final int VERSION_1 = 1;

    @Override
    public int getVersion() {
        return VERSION_1;
    }

    @Override
    public byte[] serialize(HrEventsOutboxSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(split.splitId());
            out.writeLong(split.txid());
            out.writeLong(split.eventId());
        }
        return bytes.toByteArray();
    }

    @Override
    public HrEventsOutboxSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1) {
            throw new IOException("cannot read an HR events outbox position of serializer version " + version
                    + "; this build reads version " + VERSION_1);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new HrEventsOutboxSplit(in.readUTF(), in.readLong(), in.readLong());
        }
    }
}
