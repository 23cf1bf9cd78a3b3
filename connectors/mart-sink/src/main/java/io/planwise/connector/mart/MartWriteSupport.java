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

    MartWriteSupport(MartSchema<T> schema) {
        this.schema = schema;
        this.columns = schema.columns();
        this.messageType = schema.parquetSchema();
        this.lastText = new String[columns.size()];
        this.lastBytes = new Binary[columns.size()];
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
            lastBytes[column] = Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
        }
        return lastBytes[column];
    }
}
