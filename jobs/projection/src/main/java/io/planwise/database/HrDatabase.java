package io.planwise.database;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresRelations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HR database PlanWise reads and writes in PostgreSQL: the census, the assumption tables (the
 * seed CSVs' names and columns) and the {@code hr_events} outbox the actuals job tails. Its DDL is
 * {@code schema.sql} beside this class (the Docker image of the database runs the same file);
 * every statement is {@code CREATE … IF NOT EXISTS}, so applying it again changes nothing.
 *
 * <p><b>Schema work never waits on writers.</b> {@code CREATE INDEX IF NOT EXISTS} takes a SHARE
 * lock on its table before it finds the index already there: it waits for every open writer
 * transaction on {@code hr_events}, and every later INSERT queues behind it. So a statement runs
 * only when its table or index is missing ({@code to_regclass}, which takes no lock), and only
 * {@code planwise init-db} and {@code planwise load-postgres} apply the schema; writing events
 * ({@link HrEventsOutboxWriter}) never runs DDL.
 */
public final class HrDatabase {
    /** The schema's resource, relative to this class. */
    public static final String SCHEMA_RESOURCE = "schema.sql";
    /** The outbox table the schema creates. */
    public static final String OUTBOX_TABLE = "hr_events";
    private static final Pattern CREATES = Pattern.compile("(?is)\\s*CREATE\\s+(?:TABLE|INDEX)\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+).*");

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

    /**
     * Creates the tables and indexes that do not exist yet, on the connection's current transaction
     * (no commit); returns how many it created. An existing object is not touched, not even locked.
     */
    public static int createMissingTables(Connection connection, PostgresEndpoint endpoint) {
        int created = 0;
        try (Statement st = connection.createStatement()) {
            for (String statement : schemaStatements()) {
                Matcher m = CREATES.matcher(statement);
                if (!m.matches()) {
                    throw new IllegalStateException(SCHEMA_RESOURCE + " may only hold CREATE TABLE|INDEX IF NOT EXISTS statements, "
                            + "found: " + statement.strip().lines().findFirst().orElse(""));
                }
                if (!PostgresRelations.exists(connection, m.group(1))) {
                    st.execute(statement);
                    created++;
                }
            }
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
        return created;
    }

    /** Creates the tables and indexes that do not exist yet, in a transaction of their own; returns how many. */
    public static int createMissingTables(PostgresEndpoint endpoint) {
        try (Connection c = endpoint.connect()) {
            c.setAutoCommit(false);
            int created = createMissingTables(c, endpoint);
            c.commit();
            return created;
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }
}
