package io.planwise.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * What a manifest says about one mart of a run: its schema and the exact files that make it up.
 *
 * @param rowCount total rows; {@link ManifestStore#publish} checks it equals the sum over {@code files}
 * @param columns the schema, in column order
 * @param files every file of the mart; readers read exactly these
 */
public record MartEntry(
        @JsonProperty("row_count") long rowCount,
        @JsonProperty("columns") List<MartColumn> columns,
        @JsonProperty("files") List<MartFile> files)
        implements Serializable {

    public MartEntry {
        if (rowCount < 0) {
            throw new IllegalArgumentException("A mart cannot have a negative row count: " + rowCount);
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** An entry whose row count is the sum of its files' row counts. */
    public static MartEntry of(List<MartColumn> columns, List<MartFile> files) {
        return new MartEntry(files.stream().mapToLong(MartFile::rowCount).sum(), columns, files);
    }
}
