package io.planwise.connector.postgres.outbox;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresException;
import io.planwise.connector.postgres.PostgresRelations;
import io.planwise.connector.postgres.outbox.reader.HrEventsOutboxQuery;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Builds a {@link HrEventsOutboxSource}; {@link #build()} checks the options ({@link HrEventsOutboxOptions})
 * and then the table before any job starts.
 */
public final class HrEventsOutboxSourceBuilder<T> {

    private PostgresEndpoint endpoint;
    private String table = HrEventsOutboxOptions.DEFAULT_TABLE;
    private RowDecoder<T> decoder;
    private TypeInformation<T> type;
    private Duration pollInterval = HrEventsOutboxOptions.DEFAULT_POLL_INTERVAL;
    private int batchSize = HrEventsOutboxOptions.DEFAULT_BATCH_SIZE;

    HrEventsOutboxSourceBuilder() {}

    /** The database to read. */
    public HrEventsOutboxSourceBuilder<T> setEndpoint(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /** The outbox table (optionally schema-qualified); default hr_events. */
    public HrEventsOutboxSourceBuilder<T> setTable(String table) {
        this.table = table;
        return this;
    }

    /** Turns the text of each row into a record. */
    public HrEventsOutboxSourceBuilder<T> setDecoder(RowDecoder<T> decoder) {
        this.decoder = decoder;
        return this;
    }

    /** The records' Flink type. */
    public HrEventsOutboxSourceBuilder<T> setTypeInformation(TypeInformation<T> type) {
        this.type = type;
        return this;
    }

    /** How long to wait after a query that found no new rows (default 1 s). */
    public HrEventsOutboxSourceBuilder<T> setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
        return this;
    }

    /** The most rows one query returns (default 1000). */
    public HrEventsOutboxSourceBuilder<T> setBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Table, poll interval and batch size at once (replaces what the three setters set). */
    public HrEventsOutboxSourceBuilder<T> setOptions(HrEventsOutboxOptions options) {
        this.table = options.table();
        this.pollInterval = options.pollInterval();
        this.batchSize = options.batchSize();
        return this;
    }

    public HrEventsOutboxSource<T> build() {
        if (endpoint == null) {
            throw new IllegalArgumentException("an HR events outbox source needs an endpoint: where is the database?");
        }
        HrEventsOutboxOptions options = new HrEventsOutboxOptions(table, pollInterval, batchSize);
        if (decoder == null || type == null) {
            throw new IllegalArgumentException("an HR events outbox source needs a decoder and the type it produces");
        }
        String table = options.table();
        String source = endpoint.describe() + " table " + table;
        try (Connection c = endpoint.connect()) {
            if (c.getMetaData().getDatabaseMajorVersion() < 13) {
                throw new PostgresException("PostgreSQL at " + endpoint.describe() + " is version "
                        + c.getMetaData().getDatabaseProductVersion() + "; the outbox reader needs 13 or later (xid8, pg_current_snapshot)");
            }
            if (!PostgresRelations.exists(c, table)) {
                throw new PostgresException(HrEventsOutboxOptions.missingTable(table, endpoint.describe()));
            }
            Map<String, String> types;
            try {
                types = PostgresRelations.columnTypes(c, table);
            } catch (SQLException e) {
                throw new PostgresException("cannot read " + source + ": " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            require(types, "event_id", List.of("int8", "bigserial"), "bigserial PRIMARY KEY", source);
            require(types, "txid", List.of("xid8"), "xid8 NOT NULL DEFAULT pg_current_xact_id()", source);
            List<String> columns = new ArrayList<>(types.keySet());
            columns.remove("txid");
            try {
                decoder.bind(source, columns);
            } catch (RowFormatException e) {
                throw new PostgresException(e.getMessage(), e);
            }
            HrEventsOutboxQuery query = new HrEventsOutboxQuery(table, columns);
            try {
                query.after(c, HrEventsOutboxSplit.fromStart(), 1);
            } catch (SQLException e) {
                throw new PostgresException("cannot read " + source + ": " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            return new HrEventsOutboxSource<>(endpoint, options, columns, decoder, type);
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    private static void require(Map<String, String> types, String column, List<String> allowed, String ddl, String source) {
        String actual = types.get(column);
        if (actual == null || !allowed.contains(actual)) {
            throw new PostgresException(source + (actual == null ? " has no column " + column : " has column " + column
                    + " of type " + actual) + "; an outbox needs " + column + " " + ddl);
        }
    }
}
