package io.planwise.testing;

import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test suite's one way to read marts: an in-memory DuckDB with one view per mart of a published
 * run, each the contract's reader query over the manifest's exact file list
 * ({@link io.planwise.warehouse.contract.MartQuery}, never a glob over runs/), with simulation_year an
 * INTEGER from the partition directory. Several runs can be attached side by side, each in its own
 * schema; {@link #describe} gives a mart's columns as DuckDB reads them, to check an engine's files
 * against the contract.
 */
public final class MartReader implements AutoCloseable {
    public static final List<String> ALL = ProjectionMarts.ALL.stream().map(Mart::name).toList();

    private final Connection connection;

    public MartReader() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** A DuckDB whose main schema has a view per mart of the run. */
    public static MartReader of(RunManifest manifest, Path warehouse) throws SQLException {
        MartReader marts = new MartReader();
        marts.attach("main", manifest, new WarehouseLayout(warehouse));
        return marts;
    }

    /** The one number a query computes over the marts of a published run. */
    public static long count(RunManifest manifest, Path warehouse, String sql) throws SQLException {
        try (MartReader marts = of(manifest, warehouse)) {
            return marts.count(sql);
        }
    }

    /** Creates schema.mart views for every mart of the manifest, read as the contract's one reader query does. */
    public MartReader attach(String schema, RunManifest manifest, WarehouseLayout layout) throws SQLException {
        execute("create schema if not exists " + schema);
        for (Map.Entry<String, MartEntry> mart : manifest.marts().entrySet()) {
            execute("create or replace view " + schema + "." + mart.getKey() + " as "
                    + MartQuery.select(ProjectionMarts.named(mart.getKey()), mart.getValue(), layout));
        }
        return this;
    }

    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single value of a one-row, one-column query, as a long. */
    public long count(String sql) throws SQLException {
        Object v = scalar(sql);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public Object scalar(String sql) throws SQLException {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** Every row as a list of values (DuckDB's JDBC types: Long/Integer, BigDecimal, LocalDate, String, ...). */
    public List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Every row as column name to value, in column order. */
    public List<Map<String, Object>> records(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** year -> value of a two-column (year, number) query. */
    public Map<Integer, Long> byYear(String sql) throws SQLException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (List<Object> row : rows(sql)) {
            out.put(((Number) row.get(0)).intValue(), row.get(1) == null ? 0L : ((Number) row.get(1)).longValue());
        }
        return out;
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql) throws SQLException {
        return rows(sql).stream().map(r -> r.get(0) == null ? null : r.get(0).toString()).toList();
    }

    /** The columns of a relation as DuckDB reads them: "name TYPE", in order. */
    public List<String> describe(String relation) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> c : records("describe " + relation)) {
            columns.add(c.get("column_name") + " " + c.get("column_type"));
        }
        return columns;
    }

    /** The contract's reader columns of a mart: "name TYPE", in order, as {@link #describe} reports them. */
    public static List<String> contractColumns(Mart mart) {
        return mart.readerColumns().stream().map(c -> c.name() + " " + c.type().sqlName()).toList();
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
