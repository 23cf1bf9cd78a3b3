package io.planwise.sql;

import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parquet files of one run, in the Flink job's layout:
 * {@code runs/<scenario>/<run>/<mart>/simulation_year=<Y>/part-00000.parquet}, one file per mart and
 * year that has rows, the partition column kept out of the file. Also what the manifest says about
 * each mart: its files with their row counts (read back from the Parquet footers) and its columns,
 * the partition column first and then the mart table's own columns, typed as DuckDB names them.
 */
final class MartFiles {
    static final String PARTITION_COLUMN = "simulation_year";
    private static final Logger TIMINGS = LoggerFactory.getLogger("io.planwise.sql.timings");

    private final DuckDbSession db;
    private final WarehouseLayout layout;
    private final Path runDir;
    private final Map<String, List<MartColumn>> columns = new TreeMap<>();
    private final Map<String, List<MartFile>> files = new TreeMap<>();

    MartFiles(DuckDbSession db, WarehouseLayout layout, Path runDir) {
        this.db = db;
        this.layout = layout;
        this.runDir = runDir;
    }

    /** Writes every simulation_year of the table {@code mart} to its partition directories. */
    void write(String mart) throws SQLException, IOException {
        List<MartColumn> described = describe(mart);
        List<MartColumn> known = columns.putIfAbsent(mart, described);
        if (known != null && !known.equals(described)) {
            throw new IllegalStateException("mart " + mart + " changed its columns between years: " + known
                    + " then " + described);
        }
        files.computeIfAbsent(mart, m -> new ArrayList<>());
        for (Map<String, Object> year : db.rows("SELECT DISTINCT " + PARTITION_COLUMN + " AS y FROM " + mart + " ORDER BY 1")) {
            int y = ((Number) year.get("y")).intValue();
            Path dir = runDir.resolve(mart).resolve(PARTITION_COLUMN + "=" + y);
            Files.createDirectories(dir);
            Path file = dir.resolve("part-00000.parquet");
            long start = System.nanoTime();
            db.execute("COPY (SELECT * EXCLUDE (" + PARTITION_COLUMN + ") FROM " + mart + " WHERE " + PARTITION_COLUMN
                    + " = " + y + ") TO " + DuckDbSession.quote(file.toString()) + " (FORMAT parquet)");
            TIMINGS.debug("{} ms  write {} {}", (System.nanoTime() - start) / 1_000_000, mart, y);
            long rows = db.count("SELECT num_rows FROM parquet_file_metadata(" + DuckDbSession.quote(file.toString()) + ")");
            files.get(mart).add(new MartFile(layout.relativize(file), rows, y));
        }
    }

    /** The manifest entries of every mart written so far. */
    Map<String, MartEntry> entries() {
        Map<String, MartEntry> entries = new TreeMap<>();
        columns.forEach((mart, cols) -> entries.put(mart, MartEntry.of(cols, files.get(mart))));
        return entries;
    }

    /**
     * A query that reads exactly the mart's files, with simulation_year from the partition directory as
     * an INTEGER, or an empty relation of its columns when it has none: how a reader sees the mart.
     */
    String readerQuery(String mart) {
        List<MartFile> list = files.get(mart);
        if (!list.isEmpty()) {
            return "SELECT * FROM read_parquet([" + list.stream()
                    .map(f -> DuckDbSession.quote(layout.resolve(f.path()).toString())).collect(Collectors.joining(", "))
                    + "], hive_partitioning = true, hive_types = {'" + PARTITION_COLUMN + "': INTEGER})";
        }
        List<String> select = new ArrayList<>();
        List<MartColumn> cols = columns.get(mart);
        cols.subList(1, cols.size()).forEach(c -> select.add("CAST(NULL AS " + c.type() + ") AS " + c.name()));
        select.add("CAST(NULL AS INTEGER) AS " + PARTITION_COLUMN);
        return "SELECT " + String.join(", ", select) + " WHERE false";
    }

    private List<MartColumn> describe(String mart) throws SQLException {
        List<MartColumn> cols = new ArrayList<>();
        cols.add(new MartColumn(PARTITION_COLUMN, "INTEGER"));
        for (Map<String, Object> c : db.rows("DESCRIBE " + mart)) {
            String name = (String) c.get("column_name");
            if (!name.equals(PARTITION_COLUMN)) {
                cols.add(new MartColumn(name, (String) c.get("column_type")));
            }
        }
        return cols;
    }
}
