package io.planwise.warehouse.contract;

import java.io.Serializable;

/** One column of a mart: its name, its type, and whether a row may leave it empty (NULL). */
public record Column(String name, ColumnType type, boolean nullable) implements Serializable {

    public Column {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("A mart column needs a lower-case identifier as its name, got '" + name + "'.");
        }
        if (type == null) {
            throw new IllegalArgumentException("The mart column '" + name + "' needs a type.");
        }
    }

    public static Column required(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    public static Column nullable(String name, ColumnType type) {
        return new Column(name, type, true);
    }
}
