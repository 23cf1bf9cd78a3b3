package io.planwise.connector.mart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import io.planwise.warehouse.contract.Column;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes records of one mart as Parquet rows, column by column, straight from the accessors. */
final class MartWriteSupport<T> extends WriteSupport<T> {
    private final MartSchema<T> schema;
    private final List<Column> columns;
    private final MessageType messageType;
    private RecordConsumer consumer;
    /**
     * Per column, the last string written and its UTF-8 bytes: most text columns repeat a few
     * constant strings (scenario, status, bands, event types), so the same String object comes
     * again row after row and is encoded once instead of once per row.
     */
    private final String[] lastText;
    private final Binary[] lastBytes;
    /**
     * Per column, a buffer the last string's bytes are encoded into when it is ASCII (ids are):
     * parquet-java copies a reused binary where it keeps one (dictionary entries, min/max), so
     * a unique id costs no array and no binary per row (4.3 GB of a 1,000,000 × 10 run's 34 GB of
     * allocations went to encoding ids, measured with JFR).
     */
    private final byte[][] asciiBuffers;

    MartWriteSupport(MartSchema<T> schema) {
        this.schema = schema;
        this.columns = schema.columns();
        this.messageType = schema.parquetSchema();
        this.lastText = new String[columns.size()];
        this.lastBytes = new Binary[columns.size()];
        this.asciiBuffers = new byte[columns.size()][];
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(messageType, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(messageType, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(T record) {
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Object value = schema.accessor(i).get(record);
            if (value == null) {
                if (!column.nullable()) {
                    throw new IllegalStateException("mart " + schema.name() + ": required column " + column.name()
                            + " is null in " + record);
                }
                continue;
            }
            consumer.startField(column.name(), i);
            switch (column.type()) {
                case VARCHAR -> consumer.addBinary(utf8(i, (String) value));
                case INTEGER -> consumer.addInteger(((Number) value).intValue());
                case BIGINT, DECIMAL_18_2 -> consumer.addLong(((Number) value).longValue());
                case DOUBLE -> consumer.addDouble(((Number) value).doubleValue());
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
                case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
            }
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }

    private Binary utf8(int column, String text) {
        if (text != lastText[column]) {
            lastText[column] = text;
            lastBytes[column] = isAscii(text) ? ascii(column, text)
                    : Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
        }
        return lastBytes[column];
    }

    private Binary ascii(int column, String text) {
        int length = text.length();
        byte[] buffer = asciiBuffers[column];
        if (buffer == null || buffer.length < length) {
            buffer = asciiBuffers[column] = new byte[Math.max(32, length * 2)];
        }
        for (int i = 0; i < length; i++) {
            buffer[i] = (byte) text.charAt(i);
        }
        return Binary.fromReusedByteArray(buffer, 0, length);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
