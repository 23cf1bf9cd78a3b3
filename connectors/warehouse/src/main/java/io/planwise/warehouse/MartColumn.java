package io.planwise.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * One column of a mart as a reader should type it.
 *
 * @param name column name
 * @param type SQL type name in DuckDB spelling, e.g. {@code VARCHAR}, {@code INTEGER}, {@code DECIMAL(18,2)},
 *     {@code DATE}, {@code DOUBLE}, {@code BOOLEAN}, {@code BIGINT}
 */
public record MartColumn(@JsonProperty("name") String name, @JsonProperty("type") String type)
        implements Serializable {

    public MartColumn {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A mart column needs a name.");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("The mart column '" + name + "' needs a type.");
        }
    }
}
