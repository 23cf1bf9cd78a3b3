package io.planwise.connector.postgres.table;

import io.planwise.connector.postgres.ConnectionPerFetcher;
import io.planwise.connector.postgres.DecodingResultExtractor;
import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresException;
import io.planwise.connector.postgres.PostgresRelations;
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
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.split.JdbcNumericBetweenParametersProvider;

/** Builds a {@link PostgresRowSource}; every setter is one line, {@link #build()} checks the database. */
public final class PostgresRowSourceBuilder<T> {
    private PostgresEndpoint endpoint;
    private String table;
    private String query;
    private RowDecoder<T> decoder;
    private TypeInformation<T> type;
    private int splits = 2;
    private String rowIdColumn;
    private String orderColumn;
    private final Map<String, Set<String>> allowedTypes = new LinkedHashMap<>();

    PostgresRowSourceBuilder() {}

    /** The database to read. */
    public PostgresRowSourceBuilder<T> setEndpoint(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /** Read this table (optionally schema-qualified). */
    public PostgresRowSourceBuilder<T> setTable(String table) {
        this.table = table;
        return this;
    }

    /** Read the rows of this query instead of a table. */
    public PostgresRowSourceBuilder<T> setQuery(String query) {
        this.query = query;
        return this;
    }

    /** Turns the text of each row into a record. */
    public PostgresRowSourceBuilder<T> setDecoder(RowDecoder<T> decoder) {
        this.decoder = decoder;
        return this;
    }

    /** The records' Flink type. */
    public PostgresRowSourceBuilder<T> setTypeInformation(TypeInformation<T> type) {
        this.type = type;
        return this;
    }

    /** How many row-number ranges to read in (at least 1; fewer when there are fewer rows). */
    public PostgresRowSourceBuilder<T> setSplits(int splits) {
        this.splits = splits;
        return this;
    }

    /** A numeric column that numbers the rows (filled in load order), used when the relation has it (default: none). */
    public PostgresRowSourceBuilder<T> setRowIdColumn(String column) {
        this.rowIdColumn = column;
        return this;
    }

    /** The column that orders rows when the relation has no row-id column (a unique key). */
    public PostgresRowSourceBuilder<T> setOrderColumn(String column) {
        this.orderColumn = column;
        return this;
    }

    /** Fail before the job if this column's PostgreSQL type is not one of these (e.g. "date", "text"). */
    public PostgresRowSourceBuilder<T> allowTypes(String column, String... typeNames) {
        allowedTypes.put(column.toLowerCase(Locale.ROOT), Set.of(typeNames));
        return this;
    }

    public PostgresRowSource<T> build() {
        if (endpoint == null) {
            throw new IllegalArgumentException("a PostgreSQL source needs an endpoint: where is the database?");
        }
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("a PostgreSQL source reads either a table or a query: set exactly one of them");
        }
        if (table != null && !table.matches(PostgresRelations.TABLE_NAME)) {
            throw new IllegalArgumentException("'" + table + "' is not a plain table name (letters, digits, _ and one optional schema prefix)");
        }
        if (decoder == null || type == null) {
            throw new IllegalArgumentException("a PostgreSQL source needs a decoder and the type it produces");
        }
        if (splits < 1) {
            throw new IllegalArgumentException("splits must be at least 1, got " + splits);
        }
        String relation = table != null ? table : "(" + query + ")";
        String source = endpoint.describe() + (table != null ? " table " + table : " query");
        try (Connection c = endpoint.connect()) {
            if (table != null && !PostgresRelations.exists(c, table)) {
                throw new PostgresException("table " + table + " does not exist in " + endpoint.describe());
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
            allowedTypes.forEach((column, allowed) -> {
                String actual = types.get(column);
                if (actual != null && !allowed.contains(actual)) {
                    throw new PostgresException("column " + column + " of " + source + " has type " + actual
                            + "; expected one of " + allowed.stream().sorted().toList());
                }
            });
            String numbered = rowIdColumn != null && types.containsKey(rowIdColumn.toLowerCase(Locale.ROOT))
                    ? "SELECT src." + rowIdColumn + " AS planwise_row, src.* FROM " + relation + " AS src"
                    : "SELECT row_number() OVER (ORDER BY src." + (orderColumn != null ? orderColumn : columns.get(0))
                            + ") AS planwise_row, src.* FROM " + relation + " AS src";
            long[] range = range(c, numbered, source);
            long rows = range[0];
            int used = (int) Math.max(1, Math.min(splits, rows));
            JdbcSource<T> jdbc = JdbcSource.<T>builder()
                    .setDBUrl(endpoint.url())
                    .setUsername(endpoint.user())
                    .setPassword(endpoint.password())
                    .setDriverName("org.postgresql.Driver")
                    .setConnectionProvider(new ConnectionPerFetcher(endpoint))
                    .setSql("SELECT * FROM (" + numbered + ") AS numbered WHERE planwise_row BETWEEN ? AND ?")
                    .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(range[1], range[2]).ofBatchNum(used))
                    .setResultExtractor(new DecodingResultExtractor<>(decoder, source, columns))
                    .setTypeInformation(type)
                    .setResultSetFetchSize(10_000)
                    .setAutoCommit(false)
                    .build();
            return new PostgresRowSource<>(jdbc, rows, used, source);
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    /** {count, first row number, last row number}; an empty relation gives an empty range. */
    private static long[] range(Connection c, String numbered, String source) {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT count(*), coalesce(min(planwise_row), 1), coalesce(max(planwise_row), 0) FROM (" + numbered + ") AS n");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            long first = rs.getLong(2);
            long last = Math.max(first, rs.getLong(3));
            return new long[] {rs.getLong(1), first, last};
        } catch (SQLException e) {
            throw new PostgresException("cannot count the rows of " + source + ": " + e.getMessage(), e);
        }
    }
}
