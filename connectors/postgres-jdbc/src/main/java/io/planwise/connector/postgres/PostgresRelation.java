package io.planwise.connector.postgres;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A table or query of a PostgreSQL database, checked and numbered, ready to be read as decoded rows
 * by a Flink source (in row-number ranges) or by plain JDBC ({@link #readAll}).
 *
 * <p><b>Row numbers.</b> If the relation has the row-id column (filled in load order) it is the
 * row number. Otherwise rows are numbered by {@code row_number() OVER (ORDER BY <order column>)},
 * stable for a unique key such as employee_id, so reruns, engines and parallelism agree on which
 * row is which. {@link #numberedQuery()} selects {@code planwise_row} first, then the relation's
 * columns.
 *
 * <p><b>Checks.</b> {@link #check} connects once and fails with one sentence if the server is
 * unreachable, the credentials are refused, the table does not exist, the query does not run, the
 * decoder misses a column it requires, or a column has a type not allowed for it. NULLs are not
 * checked: they reach the decoder, like empty fields of a file.
 *
 * <p><b>Decoding.</b> Each value is read as text (dates ISO, numbers plain decimals, NULL as null)
 * and handed to the same {@link RowDecoder} the files use ({@link #decode}).
 */
public final class PostgresRelation implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final PostgresEndpoint endpoint;
    private final String numberedQuery;
    private final List<String> columns;
    private final String source;
    private final long rows;
    private final long firstRow;
    private final long lastRow;

    private PostgresRelation(PostgresEndpoint endpoint, String numberedQuery, List<String> columns, String source,
            long rows, long firstRow, long lastRow) {
        this.endpoint = endpoint;
        this.numberedQuery = numberedQuery;
        this.columns = List.copyOf(columns);
        this.source = source;
        this.rows = rows;
        this.firstRow = firstRow;
        this.lastRow = lastRow;
    }

    /** What to read and how to number and check it. */
    public record Spec(String table, String query, String rowIdColumn, String orderColumn,
            Map<String, Set<String>> allowedTypes) implements java.io.Serializable {

        public Spec {
            if ((table == null) == (query == null)) {
                throw new IllegalArgumentException("a PostgreSQL relation is either a table or a query: set exactly one of them");
            }
            if (table != null && !table.matches(PostgresRelations.TABLE_NAME)) {
                throw new IllegalArgumentException("'" + table + "' is not a plain table name (letters, digits, _ and one "
                        + "optional schema prefix)");
            }
            Map<String, Set<String>> lower = new LinkedHashMap<>();
            (allowedTypes == null ? Map.<String, Set<String>>of() : allowedTypes)
                    .forEach((column, types) -> lower.put(column.toLowerCase(Locale.ROOT), Set.copyOf(types)));
            allowedTypes = Map.copyOf(lower);
        }
    }

    /** Connects once, checks the relation against the spec and the decoder, and counts its rows. */
    public static <T> PostgresRelation check(PostgresEndpoint endpoint, Spec spec, RowDecoder<T> decoder) {
        String relation = spec.table() != null ? spec.table() : "(" + spec.query() + ")";
        String source = endpoint.describe() + (spec.table() != null ? " table " + spec.table() : " query");
        try (Connection c = endpoint.connect()) {
            if (spec.table() != null && !PostgresRelations.exists(c, spec.table())) {
                throw new PostgresException("table " + spec.table() + " does not exist in " + endpoint.describe());
            }
            Map<String, String> types;
            try {
                types = PostgresRelations.columnTypes(c, relation);
            } catch (SQLException e) {
                throw new PostgresException("cannot read " + source + ": " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            List<String> columns = new ArrayList<>(types.keySet());
            try {
                decoder.bind(source, columns);
            } catch (RowFormatException e) {
                throw new PostgresException(e.getMessage(), e);
            }
            spec.allowedTypes().forEach((column, allowed) -> {
                String actual = types.get(column);
                if (actual != null && !allowed.contains(actual)) {
                    throw new PostgresException("column " + column + " of " + source + " has type " + actual
                            + "; expected one of " + allowed.stream().sorted().toList());
                }
            });
            String numbered = spec.rowIdColumn() != null && types.containsKey(spec.rowIdColumn().toLowerCase(Locale.ROOT))
                    ? "SELECT src." + spec.rowIdColumn() + " AS planwise_row, src.* FROM " + relation + " AS src"
                    : "SELECT row_number() OVER (ORDER BY src." + (spec.orderColumn() != null ? spec.orderColumn()
                            : columns.get(0)) + ") AS planwise_row, src.* FROM " + relation + " AS src";
            try (PreparedStatement st = c.prepareStatement("SELECT count(*), coalesce(min(planwise_row), 1), "
                    + "coalesce(max(planwise_row), 0) FROM (" + numbered + ") AS n"); ResultSet rs = st.executeQuery()) {
                rs.next();
                long first = rs.getLong(2);
                return new PostgresRelation(endpoint, numbered, columns, source, rs.getLong(1), first,
                        Math.max(first, rs.getLong(3)));
            } catch (SQLException e) {
                throw new PostgresException("cannot count the rows of " + source + ": " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    /** Reads every row in row-number order, decoded, into {@code sink}, over one connection. */
    public <T> long readAll(RowDecoder<T> decoder, Consumer<T> sink) {
        RowDecoder.BoundDecoder<T> bound = bind(decoder);
        long read = 0;
        try (Connection c = endpoint.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM (" + numberedQuery + ") AS numbered "
                    + "ORDER BY planwise_row")) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(decode(rs, bound));
                        read++;
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
        return read;
    }

    /** The decoder bound to this relation's columns (checked already by {@link #check}). */
    public <T> RowDecoder.BoundDecoder<T> bind(RowDecoder<T> decoder) {
        try {
            return decoder.bind(source, columns);
        } catch (RowFormatException e) {
            throw new PostgresException(e.getMessage(), e);
        }
    }

    /** One row of {@link #numberedQuery()} (row number first), decoded like a file row. */
    public <T> T decode(ResultSet rs, RowDecoder.BoundDecoder<T> bound) throws SQLException {
        String[] values = new String[columns.size()];
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getString(i + 2);
            if (i > 0) {
                raw.append(',');
            }
            raw.append(values[i] == null ? "" : values[i]);
        }
        return bound.decode(rs.getLong(1), values, values.length, raw.toString());
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** {@code SELECT planwise_row, <columns> FROM <relation>}. */
    public String numberedQuery() {
        return numberedQuery;
    }

    public List<String> columns() {
        return columns;
    }

    /** Where the rows come from, without credentials. */
    public String description() {
        return source;
    }

    /** Rows the relation had when it was checked. */
    public long rows() {
        return rows;
    }

    public long firstRow() {
        return firstRow;
    }

    public long lastRow() {
        return lastRow;
    }
}
