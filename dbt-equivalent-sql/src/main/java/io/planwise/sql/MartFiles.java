package io.planwise.sql;

import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parquet files of one run, in the Flink job's layout:
 * {@code runs/<scenario>/<run>/<mart>/simulation_year=<Y>/part-00000.parquet}, one file per mart and
 * year that has rows, the partition column kept out of the file. Before a mart is written its model's
 * columns are checked with {@code DESCRIBE} against the contract ({@link ProjectionMarts}): a mart
 * model that drifts from the contract stops the run instead of publishing different files. The
 * manifest entries (files with their footer row counts, the contract's column types) come from here.
 */
final class MartFiles {
    private static final String PARTITION_COLUMN = ProjectionMarts.PARTITION_COLUMN;
    private static final Logger TIMINGS = LoggerFactory.getLogger("io.planwise.sql.timings");

    private final DuckDbSession db;
    private final WarehouseLayout layout;
    private final Path runDir;
    private final Map<String, List<MartFile>> files = new TreeMap<>();

    MartFiles(DuckDbSession db, WarehouseLayout layout, Path runDir) {
        this.db = db;
        this.layout = layout;
        this.runDir = runDir;
    }

    /** Writes every simulation_year of the table {@code mart} to its partition directories. */
    void write(String mart) throws SQLException, IOException {
        checkAgainstContract(db, ProjectionMarts.named(mart));
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
        files.forEach((mart, list) -> entries.put(mart, MartEntry.of(ProjectionMarts.named(mart).manifestColumns(), list)));
        return entries;
    }

    /** How a reader sees the mart: a query over exactly the files written for it. */
    String readerQuery(String mart) {
        return MartQuery.select(ProjectionMarts.named(mart), MartQuery.paths(files.get(mart), layout));
    }

    /**
     * Fails unless the relation {@code mart.name()} has the contract's file columns, names and types
     * in order, plus the partition column.
     */
    static void checkAgainstContract(DuckDbSession db, Mart mart) throws SQLException {
        List<String> described = new ArrayList<>();
        boolean hasPartition = false;
        for (Map<String, Object> c : db.rows("DESCRIBE " + mart.name())) {
            String name = (String) c.get("column_name");
            if (name.equals(mart.partitionColumn())) {
                hasPartition = "INTEGER".equals(c.get("column_type"));
            } else {
                described.add(name + " " + c.get("column_type"));
            }
        }
        List<String> contract = mart.columns().stream().map((Column c) -> c.name() + " " + c.type().sqlName()).toList();
        if (!described.equals(contract) || !hasPartition) {
            throw new IllegalStateException("mart model " + mart.name() + " does not match the contract: it has "
                    + described + (hasPartition ? "" : " and no INTEGER " + mart.partitionColumn())
                    + ", the contract says " + contract + " and INTEGER " + mart.partitionColumn());
        }
    }
}
