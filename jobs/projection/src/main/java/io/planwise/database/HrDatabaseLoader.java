package io.planwise.database;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresException;
import io.planwise.connector.postgres.PostgresRelations;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads files into PostgreSQL tables with COPY, all in one transaction: either every table is
 * replaced or, on any error, none is touched. Files are read with the census file readers (CSV or
 * Parquet); their columns are matched to the table's by name, extra file columns are ignored and
 * table columns the file lacks stay NULL. A value the column type rejects (a date that is not a
 * date) fails the whole load with PostgreSQL's message, which names the column and the line.
 * {@code planwise load-postgres} fills the {@link HrDatabase} with it; the projection reads the
 * assumption tables back with {@link io.planwise.connector.postgres.PostgresExport}.
 */
public final class HrDatabaseLoader implements AutoCloseable {
    private final PostgresEndpoint endpoint;
    private final Connection connection;

    public HrDatabaseLoader(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
        this.connection = endpoint.connect();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    /** Creates the PlanWise tables that do not exist yet (in this loader's transaction). */
    public void applySchema() {
        HrDatabase.createMissingTables(connection, endpoint);
    }

    /** Empties a table (restarting its row numbering) and fills it from a CSV or Parquet file. */
    public long replace(String table, Path file) {
        List<String> columns = columnsOf(table);
        StringBuilder csv = new StringBuilder();
        List<String> copied = new ArrayList<>();
        try {
            RowFiles.readAll(file, (RowDecoder<String>) (source, fileColumns) -> {
                List<String> normalized = fileColumns.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
                int[] index = columns.stream().mapToInt(normalized::indexOf).toArray();
                copied.clear();
                for (int i = 0; i < index.length; i++) {
                    if (index[i] >= 0) {
                        copied.add(columns.get(i));
                    }
                }
                return (rowNumber, values, fieldCount, raw) -> {
                    StringBuilder line = new StringBuilder();
                    for (int i : index) {
                        if (i < 0) {
                            continue;
                        }
                        if (line.length() > 0) {
                            line.append(',');
                        }
                        String v = values[i];
                        if (v != null) {
                            line.append('"').append(v.replace("\"", "\"\"")).append('"');
                        }
                    }
                    return line.append('\n').toString();
                };
            }, csv::append);
        } catch (IOException e) {
            throw new PostgresException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (copied.isEmpty()) {
            throw new PostgresException(file + " has none of the columns of table " + table + " (" + columns + ")");
        }
        return copy(table, copied, new StringReader(csv.toString()), file.toString());
    }

    /** Same as {@link #replace(String, Path)} for a CSV given as a stream (e.g. a bundled resource). */
    public long replace(String table, String name, InputStream csv) {
        try {
            Path tmp = Files.createTempFile("planwise-" + table, ".csv");
            try {
                Files.copy(csv, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return replace(table, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PostgresException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private long copy(String table, List<String> columns, Reader csv, String what) {
        try (Statement st = connection.createStatement()) {
            st.execute("TRUNCATE " + table + " RESTART IDENTITY");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)",
                    new BufferedReader(csv));
        } catch (SQLException e) {
            throw new PostgresException("loading " + what + " into " + table + " failed: "
                    + e.getMessage().lines().collect(Collectors.joining(" ")), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> columnsOf(String table) {
        List<String> columns;
        try {
            columns = new ArrayList<>(PostgresRelations.columnTypes(connection, table).keySet());
        } catch (SQLException e) {
            throw new PostgresException("table " + table + " is not readable in " + endpoint.describe() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        columns.remove("census_row");
        return columns;
    }

    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    /** Rolls back whatever was not committed. */
    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // closing after a failure: the original error is what matters
        }
    }
}
