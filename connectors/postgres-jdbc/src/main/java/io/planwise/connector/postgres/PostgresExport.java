package io.planwise.connector.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Tables of a database as CSV files, with COPY: what the seed-file readers then validate line by line. */
public final class PostgresExport {
    private PostgresExport() {}

    /** Writes each existing table of the list as {@code <table>.csv} (header included) into dir; returns those written. */
    public static List<String> tablesAsCsv(PostgresEndpoint endpoint, List<String> tables, Path dir) {
        List<String> written = new ArrayList<>();
        try (Connection c = endpoint.connect()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                if (!PostgresRelations.exists(c, table)) {
                    continue;
                }
                try (Writer w = Files.newBufferedWriter(dir.resolve(table + ".csv"))) {
                    copy.copyOut("COPY (SELECT " + textColumns(c, table) + " FROM " + table
                            + ") TO STDOUT (FORMAT csv, HEADER)", w);
                }
                written.add(table);
            }
        } catch (SQLException e) {
            throw endpoint.explain(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** The select list that writes booleans as true/false (COPY writes t/f, which seed files do not use). */
    private static String textColumns(Connection c, String table) throws SQLException {
        List<String> select = new ArrayList<>();
        PostgresRelations.columnTypes(c, table).forEach((name, type) -> select.add(type.equals("bool") ? name + "::text AS " + name : name));
        return String.join(", ", select);
    }
}
