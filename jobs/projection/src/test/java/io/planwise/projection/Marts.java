package io.planwise.projection;

import io.planwise.cli.ProjectionRun;
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
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB with one VIEW per mart of a published run, built from the manifest's exact
 * file list (never a glob over runs/). The year comes from the {@code simulation_year=Y} directory
 * as an INTEGER. Several runs can be attached side by side, each in its own schema.
 */
final class Marts implements AutoCloseable {
    static final List<String> ALL = ProjectionMarts.ALL.stream().map(Mart::name).toList();

    private final Connection connection;

    Marts() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** A DuckDB whose main schema has a view per mart of the run. */
    static Marts of(ProjectionRun result, Path warehouse) throws SQLException {
        Marts marts = new Marts();
        marts.attach("main", result.manifest(), new WarehouseLayout(warehouse));
        return marts;
    }

    /** Creates schema.mart views for every mart of the manifest, read as the contract's one reader query does. */
    Marts attach(String schema, RunManifest manifest, WarehouseLayout layout) throws SQLException {
        execute("create schema if not exists " + schema);
        for (Map.Entry<String, MartEntry> mart : manifest.marts().entrySet()) {
            execute("create or replace view " + schema + "." + mart.getKey() + " as "
                    + MartQuery.select(ProjectionMarts.named(mart.getKey()), mart.getValue(), layout));
        }
        return this;
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single value of a one-row, one-column query, as a long. */
    long count(String sql) throws SQLException {
        Object v = scalar(sql);
        return v == null ? 0 : ((Number) v).longValue();
    }

    Object scalar(String sql) throws SQLException {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** Every row as a list of values (DuckDB's JDBC types: Long/Integer, BigDecimal, LocalDate, String, ...). */
    List<List<Object>> rows(String sql) throws SQLException {
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
    List<Map<String, Object>> records(String sql) throws SQLException {
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
    Map<Integer, Long> byYear(String sql) throws SQLException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (List<Object> row : rows(sql)) {
            out.put(((Number) row.get(0)).intValue(), row.get(1) == null ? 0L : ((Number) row.get(1)).longValue());
        }
        return out;
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql) throws SQLException {
        return rows(sql).stream().map(r -> r.get(0) == null ? null : r.get(0).toString()).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
