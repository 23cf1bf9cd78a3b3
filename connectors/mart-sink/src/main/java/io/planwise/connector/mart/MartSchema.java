package io.planwise.connector.mart;

import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.Mart;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A mart of the contract ({@link Mart}: names, types, nullability) bound to the records that fill
 * it: one accessor per contract column, in the contract's order. {@link #bind} refuses a binding that
 * misses, adds or reorders a column, so the files a job writes cannot drift from the contract.
 */
public final class MartSchema<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reads a column value from a record; Serializable because it travels with the job. */
    @FunctionalInterface
    public interface Accessor<T> extends Serializable {
        Object get(T record);
    }

    private final Mart mart;
    private final List<Accessor<T>> accessors;

    private MartSchema(Mart mart, List<Accessor<T>> accessors) {
        this.mart = mart;
        this.accessors = List.copyOf(accessors);
    }

    /** Starts binding the contract's mart; name every column with {@link Binding#column}, in order. */
    public static <T> Binding<T> bind(Mart mart) {
        return new Binding<>(mart);
    }

    public Mart mart() {
        return mart;
    }

    public String name() {
        return mart.name();
    }

    public List<Column> columns() {
        return mart.columns();
    }

    Accessor<T> accessor(int column) {
        return accessors.get(column);
    }

    /** The Parquet schema of the mart's files: money as DECIMAL(18,2) over INT64 cents, dates as DATE. */
    public MessageType parquetSchema() {
        return new MessageType(mart.name(), mart.columns().stream().map(MartSchema::parquetType).toArray(Type[]::new));
    }

    private static Type parquetType(Column c) {
        Types.PrimitiveBuilder<PrimitiveType> b = switch (c.type()) {
            case VARCHAR -> primitive(PrimitiveTypeName.BINARY, c).as(LogicalTypeAnnotation.stringType());
            case INTEGER -> primitive(PrimitiveTypeName.INT32, c);
            case BIGINT -> primitive(PrimitiveTypeName.INT64, c);
            case DOUBLE -> primitive(PrimitiveTypeName.DOUBLE, c);
            case BOOLEAN -> primitive(PrimitiveTypeName.BOOLEAN, c);
            case DATE -> primitive(PrimitiveTypeName.INT32, c).as(LogicalTypeAnnotation.dateType());
            case DECIMAL_18_2 -> primitive(PrimitiveTypeName.INT64, c).as(LogicalTypeAnnotation.decimalType(2, 18));
        };
        return b.named(c.name());
    }

    private static Types.PrimitiveBuilder<PrimitiveType> primitive(PrimitiveTypeName t, Column c) {
        return c.nullable() ? Types.optional(t) : Types.required(t);
    }

    /** Collects one accessor per contract column; see {@link MartSchema#bind}. */
    public static final class Binding<T> {
        private final Mart mart;
        private final List<Accessor<T>> accessors = new ArrayList<>();

        private Binding(Mart mart) {
            this.mart = mart;
        }

        /** The accessor of the next contract column, which must be called {@code name}. */
        public Binding<T> column(String name, Accessor<T> accessor) {
            int position = accessors.size();
            List<String> names = mart.columnNames();
            if (position >= names.size()) {
                throw new IllegalArgumentException("Mart " + mart.name() + " has " + names.size()
                        + " columns in the contract; the binding adds " + name + ".");
            }
            if (!names.get(position).equals(name)) {
                throw new IllegalArgumentException("Column " + (position + 1) + " of mart " + mart.name() + " is "
                        + names.get(position) + " in the contract, but the binding names " + name + ".");
            }
            accessors.add(accessor);
            return this;
        }

        public MartSchema<T> build() {
            if (accessors.size() != mart.columns().size()) {
                throw new IllegalArgumentException("Mart " + mart.name() + " binds " + accessors.size() + " of its "
                        + mart.columns().size() + " contract columns; missing: "
                        + mart.columnNames().subList(accessors.size(), mart.columns().size()) + ".");
            }
            return new MartSchema<>(mart, accessors);
        }
    }
}
