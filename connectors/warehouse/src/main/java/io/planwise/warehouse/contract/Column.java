package io.planwise.warehouse.contract;

import java.io.Serializable;

/**
 * One column of a mart: its name, its type, whether a row may leave it empty (NULL), and whether its
 * values are mostly distinct (ids, amounts: Parquet writes those without a dictionary, which such a
 * column would fill with every value and then abandon).
 */
public record Column(String name, ColumnType type, boolean nullable, boolean mostlyDistinct) implements Serializable {

    public Column {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("A mart column needs a lower-case identifier as its name, got '" + name + "'.");
        }
        if (type == null) {
            throw new IllegalArgumentException("The mart column '" + name + "' needs a type.");
        }
    }

    public static Column required(String name, ColumnType type) {
        return new Column(name, type, false, false);
    }

    public static Column nullable(String name, ColumnType type) {
        return new Column(name, type, true, false);
    }

    /** The same column, marked as holding mostly distinct values. */
    public Column withMostlyDistinctValues() {
        return new Column(name, type, nullable, true);
    }
}
