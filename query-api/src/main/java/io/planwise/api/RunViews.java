package io.planwise.api;

import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One published run as DuckDB relations: schema {@code run_<n>} holds one relation per mart, named
 * like the mart, reading exactly the files the manifest lists through the run contract's reader
 * ({@link MartQuery}), with the columns as that reader returns them (file columns, then
 * {@code simulation_year}) and each cast to the type the manifest records.
 *
 * <p>Small marts (the pre-aggregated summary and needs tables, checks, census issues) are copied into
 * in-memory tables once, so the summary endpoints never touch Parquet on a request; large marts
 * (events, snapshot) are views over their files. The schema name is a sequence number, never a value
 * from the manifest or a request, and every mart name, column name and type from the manifest is
 * checked against a strict pattern before it is written into DDL.
 */
final class RunViews {

    /** Default for the largest mart copied into memory: the summary-sized marts, not events or snapshot. */
    static final long DEFAULT_MEMORY_TABLE_MAX_ROWS = 200_000;

    static final String PARTITION_COLUMN = ProjectionMarts.PARTITION_COLUMN;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TYPE = Pattern.compile("[A-Z]+( ?\\(\\d{1,2}, ?\\d{1,2}\\))?");

    private final RunManifest manifest;
    private final String schema;
    private final Map<String, MartEntry> marts;
    private final long memoryTableMaxRows;
    /** Trials per mart, counted on first use ({@link PublishedMarts#trials}); a published run never changes. */
    private final Map<String, Integer> trialCounts = new ConcurrentHashMap<>();
    /** The run's level ids, listed on first use ({@link RunExtent#levels}). */
    private volatile List<Integer> levels;
    /** The {@link EmployeeIndex} copies of this run's detail marts that are complete, by mart. */
    private final Map<String, String> employeeIndex = new ConcurrentHashMap<>();

    /** @param memoryTableMaxRows marts with at most this many rows become in-memory tables, the rest views */
    RunViews(RunManifest manifest, long sequence, long memoryTableMaxRows) {
        this.manifest = manifest;
        this.schema = "run_" + sequence;
        this.marts = manifest.marts();
        this.memoryTableMaxRows = memoryTableMaxRows;
    }

    RunManifest manifest() {
        return manifest;
    }

    String schema() {
        return schema;
    }

    /** The manifest's columns of a mart, or empty if the run has no such mart. */
    Optional<List<MartColumn>> columns(String mart) {
        MartEntry entry = marts.get(mart);
        return entry == null ? Optional.empty() : Optional.of(entry.columns());
    }

    /**
     * The manifest's columns of a mart an endpoint cannot do without.
     *
     * @throws ApiError 404 if this run has no such mart
     */
    List<MartColumn> requireMart(String mart) {
        return columns(mart).orElseThrow(() -> ApiError.notFound("The published run of this scenario has no "
                + mart + " mart.", null));
    }

    /** The number of trials {@code mart} holds, if it was counted already. */
    Optional<Integer> countedTrials(String mart) {
        return Optional.ofNullable(trialCounts.get(mart));
    }

    void rememberTrials(String mart, int trials) {
        trialCounts.put(mart, trials);
    }

    /** The run's level ids, if they were listed already. */
    Optional<List<Integer>> listedLevels() {
        return Optional.ofNullable(levels);
    }

    void rememberLevels(List<Integer> ids) {
        levels = List.copyOf(ids);
    }

    /** {@code run_<n>.<mart>}, for SQL; the mart name was checked when the relations were created. */
    String relation(String mart) {
        if (!marts.containsKey(mart)) {
            throw new IllegalArgumentException("Run " + manifest.runId() + " has no mart " + mart + ".");
        }
        return schema + "." + quote(mart);
    }

    /**
     * The {@link EmployeeIndex} copy of a mart (sorted by {@link EmployeeIndex#KEY}), once it is
     * complete; until then, and for small runs, lookups read {@link #relation}.
     */
    Optional<String> employeeIndexed(String mart) {
        return Optional.ofNullable(employeeIndex.get(mart));
    }

    void indexedByEmployee(String mart, String table) {
        employeeIndex.put(mart, table);
    }

    /** Before the copies are dropped: lookups go back to the Parquet relations. */
    void forgetEmployeeIndex() {
        employeeIndex.clear();
    }

    /** The DDL that creates this run's schema and one relation per mart. */
    List<String> createStatements(WarehouseLayout layout) {
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE SCHEMA " + schema);
        for (Map.Entry<String, MartEntry> mart : marts.entrySet()) {
            ddl.add(createRelation(layout, mart.getKey(), mart.getValue()));
        }
        return ddl;
    }

    private String createRelation(WarehouseLayout layout, String mart, MartEntry entry) {
        checkIdentifier(mart);
        StringJoiner select = new StringJoiner(", ");
        for (MartColumn c : readerOrder(entry.columns())) {
            checkIdentifier(c.name());
            if (!TYPE.matcher(c.type()).matches()) {
                throw new IllegalStateException("The manifest gives column " + c.name() + " of " + mart
                        + " an unexpected type.");
            }
            select.add(entry.files().isEmpty() ? "CAST(NULL AS " + c.type() + ") AS " + quote(c.name())
                    : "CAST(" + quote(c.name()) + " AS " + c.type() + ") AS " + quote(c.name()));
        }
        String kind = entry.rowCount() <= memoryTableMaxRows ? "TABLE" : "VIEW";
        String source = entry.files().isEmpty() ? " LIMIT 0" : " FROM " + readParquet(layout, entry.files());
        return "CREATE " + kind + " " + schema + "." + quote(mart) + " AS SELECT " + select + source;
    }

    /**
     * The manifest's columns in the order the contract's reader sees a mart ({@code Mart.readerColumns()}):
     * the file columns as the manifest lists them, then the partition column (which manifests list first).
     * The types stay the manifest's, so runs published by older versions read as they were written.
     */
    static List<MartColumn> readerOrder(List<MartColumn> manifestColumns) {
        List<MartColumn> ordered = new ArrayList<>(manifestColumns.size());
        List<MartColumn> partition = new ArrayList<>(1);
        for (MartColumn c : manifestColumns) {
            (PARTITION_COLUMN.equals(c.name()) ? partition : ordered).add(c);
        }
        ordered.addAll(partition);
        return ordered;
    }

    /**
     * The contract's reader over exactly the listed files (year, then path: the order rows come back in
     * when a query has no ORDER BY, the same on every request), hive-partitioned when the files carry a
     * year. {@link MartQuery#paths} refuses absolute paths and paths that climb out of the warehouse.
     */
    private static String readParquet(WarehouseLayout layout, List<MartFile> files) {
        boolean partitioned = files.stream().anyMatch(f -> f.simulationYear() != null);
        return MartQuery.readParquet(MartQuery.paths(files, layout), partitioned ? PARTITION_COLUMN : null);
    }

    static String quote(String identifier) {
        return "\"" + checkIdentifier(identifier) + "\"";
    }

    static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    private static String checkIdentifier(String name) {
        if (!isIdentifier(name)) {
            throw new IllegalStateException("The manifest names a mart or column that is not a plain identifier.");
        }
        return name;
    }
}
