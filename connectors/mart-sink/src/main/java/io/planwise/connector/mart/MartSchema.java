package io.planwise.connector.mart;

import java.io.Serializable;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A mart: its name and its columns, in file order. The hive partition column (simulation_year)
 * is not among them: it lives in the directory name only, because DuckDB's hive value would
 * silently override a column of the same name.
 */
public record MartSchema<T>(String name, List<MartColumn<T>> columns) implements Serializable {

    public MartSchema {
        columns = List.copyOf(columns);
    }

    public MessageType parquetSchema() {
        Type[] fields = columns.stream().map(c -> c.type().parquetType(c.name(), c.nullable())).toArray(Type[]::new);
        return new MessageType(name, fields);
    }
}
