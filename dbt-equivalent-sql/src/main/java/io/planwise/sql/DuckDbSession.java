package io.planwise.sql;

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
import org.duckdb.DuckDBConnection;

/** One in-memory DuckDB database: where a run's tables live while the models execute. */
final class DuckDbSession implements AutoCloseable {
    private static final String MEMORY_LIMIT = System.getProperty("planwise.sql.memory_limit", "3GB");
    private final DuckDBConnection connection;

    private DuckDbSession(DuckDBConnection connection) {
        this.connection = connection;
    }

    /**
     * @param threads DuckDB worker threads (the run's parallelism)
     * @param spillDir where DuckDB may spill when a query outgrows memory
     */
    static DuckDbSession open(int threads, Path spillDir) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbSession session = new DuckDbSession(c.unwrap(DuckDBConnection.class));
        session.execute("SET threads = " + threads);
        session.execute("SET temp_directory = " + quote(spillDir.toString()));
        // A year of a million employees needs about a gigabyte; beyond the limit DuckDB spills
        // to spillDir instead of growing (its default is 80% of the machine's memory).
        session.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        // Every decision is a function of values, never of row order, so DuckDB may reorder freely.
        session.execute("SET preserve_insertion_order = false");
        return session;
    }

    DuckDBConnection connection() {
        return connection;
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single value of a one-row, one-column query. */
    Object scalar(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from: " + sql + " but got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    long count(String sql) throws SQLException {
        Object v = scalar(sql);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Every row, as column label to value in column order. */
    List<Map<String, Object>> rows(String sql) throws SQLException {
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

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
