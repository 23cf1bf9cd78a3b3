package io.planwise.database;

import io.planwise.connector.postgres.PostgresEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The HR database PlanWise reads and writes in PostgreSQL: the census, the assumption tables (the
 * seed CSVs' names and columns) and the {@code hr_events} outbox the actuals job tails. Its DDL is
 * {@code schema.sql} beside this class (the Docker image of the database runs the same file);
 * every statement is {@code CREATE … IF NOT EXISTS}, so applying it again changes nothing.
 */
public final class HrDatabase {
    /** The schema's resource, relative to this class. */
    public static final String SCHEMA_RESOURCE = "schema.sql";
    /** The outbox table the schema creates. */
    public static final String OUTBOX_TABLE = "hr_events";

    private HrDatabase() {}

    /** The schema's statements, in order, comments removed. */
    public static List<String> schemaStatements() {
        try (InputStream in = HrDatabase.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing beside " + HrDatabase.class.getName());
            }
            String ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(ddl.replaceAll("(?m)^--.*$", "").split(";")).filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the tables that do not exist yet, on the connection's current transaction (no commit). */
    public static void createMissingTables(Connection connection, PostgresEndpoint endpoint) {
        try (Statement st = connection.createStatement()) {
            for (String statement : schemaStatements()) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    /** Creates the tables that do not exist yet, in a transaction of their own. */
    public static void createMissingTables(PostgresEndpoint endpoint) {
        try (Connection c = endpoint.connect()) {
            c.setAutoCommit(false);
            createMissingTables(c, endpoint);
            c.commit();
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }
}
