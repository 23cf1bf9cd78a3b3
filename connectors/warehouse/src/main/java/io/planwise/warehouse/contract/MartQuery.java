package io.planwise.warehouse.contract;

import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The DuckDB query that reads a mart the way every reader must: exactly the files a manifest (or
 * the streaming job's commits) lists, never a glob over {@code runs/}, with the partition column
 * typed INTEGER, and an empty relation of the mart's columns when it has no files (DuckDB refuses a
 * file list that is empty). The SQL engine's invariant tests, the query API and the tests all read
 * through here.
 */
public final class MartQuery {

    private MartQuery() {}

    /** {@code SELECT *} over the mart's files as its manifest entry lists them. */
    public static String select(Mart mart, MartEntry entry, WarehouseLayout layout) {
        return select(mart, paths(entry.files(), layout));
    }

    /** {@code SELECT *} over exactly these files of the mart: file columns, then the partition column. */
    public static String select(Mart mart, List<Path> files) {
        if (files.isEmpty()) {
            StringJoiner select = new StringJoiner(", ");
            mart.readerColumns().forEach(c -> select.add("CAST(NULL AS " + c.type().sqlName() + ") AS " + c.name()));
            return "SELECT " + select + " WHERE false";
        }
        return "SELECT * FROM " + readParquet(files, mart.partitionColumn());
    }

    /**
     * The {@code read_parquet(...)} expression over the files, in the given order, with hive
     * partitioning (the partition column as INTEGER) when partitionColumn is not null.
     */
    public static String readParquet(List<Path> files, String partitionColumn) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("read_parquet needs at least one file; use select() for an empty mart.");
        }
        StringJoiner list = new StringJoiner(", ", "[", "]");
        files.forEach(f -> list.add(literal(f.toString())));
        return "read_parquet(" + list + (partitionColumn == null ? ", hive_partitioning = false)"
                : ", hive_partitioning = true, hive_types = {" + literal(partitionColumn) + ": INTEGER})");
    }

    /**
     * The files' absolute paths, by year and then path: the order rows come back in when a query has
     * no ORDER BY, the same on every read of a run. {@link WarehouseLayout#resolve} refuses paths that
     * climb out of the warehouse.
     */
    public static List<Path> paths(List<MartFile> files, WarehouseLayout layout) {
        List<MartFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing((MartFile f) -> f.simulationYear() == null ? Integer.MIN_VALUE
                : f.simulationYear()).thenComparing(MartFile::path));
        return ordered.stream().map(f -> layout.resolve(f.path())).toList();
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
