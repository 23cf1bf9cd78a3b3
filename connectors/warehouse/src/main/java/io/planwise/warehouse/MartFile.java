package io.planwise.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * One committed data file of a mart.
 *
 * @param path path relative to the warehouse root, with forward slashes
 * @param rowCount rows in this file
 * @param simulationYear the {@code simulation_year=} partition the file sits in, or null if unpartitioned
 */
public record MartFile(
        @JsonProperty("path") String path,
        @JsonProperty("row_count") long rowCount,
        @JsonProperty("simulation_year") Integer simulationYear)
        implements Serializable {

    public MartFile {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("A mart file needs a path.");
        }
        if (path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("The mart file path '" + path
                    + "' must be relative to the warehouse root and use forward slashes.");
        }
        if (rowCount < 0) {
            throw new IllegalArgumentException("The mart file '" + path + "' has a negative row count: " + rowCount);
        }
    }
}
