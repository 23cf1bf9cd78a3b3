package io.planwise.connector.postgres.outbox;

import io.planwise.connector.postgres.PostgresRelations;
import java.io.Serializable;
import java.time.Duration;

/**
 * How an {@link HrEventsOutboxSource} reads its outbox: which table, how long to wait after a
 * query that found no new rows, and how many rows one query returns at most. Immutable; every
 * instance is valid, and an invalid value is refused with a sentence that says what is wrong and
 * what is expected (the builder passes it on before it connects to the database).
 *
 * @param table the outbox table, optionally schema-qualified (default {@code hr_events})
 * @param pollInterval how long the reader waits after a query that found no new rows (default 1 s)
 * @param batchSize the most rows one query returns (default 1000)
 */
public record HrEventsOutboxOptions(String table, Duration pollInterval, int batchSize) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_TABLE = "hr_events";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_BATCH_SIZE = 1000;

    public HrEventsOutboxOptions {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("an HR events outbox source needs the name of its outbox table (the default is "
                    + DEFAULT_TABLE + ")");
        }
        if (!table.matches(PostgresRelations.TABLE_NAME)) {
            throw new IllegalArgumentException("'" + table + "' is not a plain table name (letters, digits, _ and one optional schema prefix)");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive (it is how long the reader waits after a query "
                    + "that found no new rows), got " + (pollInterval == null ? "none" : pollInterval.toMillis() + " ms"));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1 (it is the most rows one query returns), got "
                    + batchSize);
        }
    }

    /** What to say when the outbox table is not in the database: who creates it (writers never run DDL). */
    public static String missingTable(String table, String database) {
        return "table " + table + " does not exist in " + database + "; create the PlanWise tables with "
                + "planwise init-db --url JDBC_URL (load-postgres creates them too)";
    }

    /** hr_events, polled every second, 1000 rows per query. */
    public static HrEventsOutboxOptions defaults() {
        return new HrEventsOutboxOptions(DEFAULT_TABLE, DEFAULT_POLL_INTERVAL, DEFAULT_BATCH_SIZE);
    }
}
