package io.planwise.connector.mart;

import java.io.Serializable;

/** One column of a mart: its name, type, whether it may be null, and how to read it from a record. */
public record MartColumn<T>(String name, MartColumnType type, boolean nullable, Accessor<T> accessor)
        implements Serializable {

    /** Reads a column value from a record; Serializable because it travels with the job. */
    @FunctionalInterface
    public interface Accessor<T> extends Serializable {
        Object get(T record);
    }

    public static <T> MartColumn<T> required(String name, MartColumnType type, Accessor<T> accessor) {
        return new MartColumn<>(name, type, false, accessor);
    }

    public static <T> MartColumn<T> nullable(String name, MartColumnType type, Accessor<T> accessor) {
        return new MartColumn<>(name, type, true, accessor);
    }
}
