package io.planwise.projection;

import io.planwise.model.projection.ShardFact;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/**
 * A piece of one serialized {@link ShardFact}, travelling between a trial task and the
 * {@link ShardCoordinator}: a shard's part on the way in ({@code shard} is the sender's index), the
 * agreed fact on the way out. Facts are cut into pieces of at most {@link #MAX_BYTES} because
 * Flink's RPC frames are bounded (10 MB by default) and a shrinking year's reduction-in-force
 * candidates of a big workforce are larger than that.
 */
record FactChunk(FactKey key, int shard, int shards, int index, int count, byte[] bytes) implements OperatorEvent {
    static final int MAX_BYTES = 1 << 20;

    static List<FactChunk> of(FactKey key, int shard, int shards, ShardFact<?> fact) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(fact);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialize " + key, e);
        }
        byte[] serialized = out.toByteArray();
        int count = Math.max(1, (serialized.length + MAX_BYTES - 1) / MAX_BYTES);
        List<FactChunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chunks.add(new FactChunk(key, shard, shards, i, count,
                    Arrays.copyOfRange(serialized, i * MAX_BYTES, Math.min(serialized.length, (i + 1) * MAX_BYTES))));
        }
        return chunks;
    }

    /** The fact whose serialized form is these bytes (all chunks, joined). */
    static ShardFact<?> read(byte[] serialized, ClassLoader classes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, classes);
            }
        }) {
            return (ShardFact<?>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not read a shard fact", e);
        }
    }

    /** Collects the chunks of one fact until all have arrived. */
    static final class Assembly {
        private final byte[][] pieces;
        private int arrived;

        Assembly(int count) {
            pieces = new byte[count][];
        }

        /** Adds a chunk; returns the whole serialized fact once every chunk is in, else null. */
        byte[] add(FactChunk chunk) {
            if (pieces[chunk.index()] == null) {
                arrived++;
            }
            pieces[chunk.index()] = chunk.bytes();
            if (arrived < pieces.length) {
                return null;
            }
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (byte[] piece : pieces) {
                whole.writeBytes(piece);
            }
            return whole.toByteArray();
        }
    }
}
