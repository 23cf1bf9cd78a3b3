package io.planwise.connector.postgres.outbox.reader;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.outbox.HrEventsOutboxSource;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import io.planwise.connector.rows.RowDecoder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads the outbox split on the task thread: one query per batch, rows emitted one per
 * {@link #pollNext} call, the position advanced with every emitted row. When a query returns
 * nothing the reader waits for the poll interval before asking again. See
 * {@link HrEventsOutboxSource} for the semantics.
 *
 * <p>Metrics: {@code outboxPositionEventId}, {@code outboxPositionTxid}, {@code outboxQueries}, and
 * {@code outboxRowsBehind}, the rows readable now that the job has not emitted yet: exact (zero
 * plus what is buffered) after a query that returned less than a batch; while whole batches come
 * back, counted by a separate query at most every {@value #COUNT_EVERY_SECONDS} s and counted
 * down by the rows read in between.
 */
public final class HrEventsOutboxSourceReader<T> implements SourceReader<T, HrEventsOutboxSplit> {
    private final SourceReaderContext context;
    private final PostgresEndpoint endpoint;
    private final HrEventsOutboxQuery query;
    private final RowDecoder.BoundDecoder<T> decoder;
    private final long pollIntervalMillis;
    private final int batchSize;
    private final ArrayDeque<HrEventsOutboxQuery.Row> fetched = new ArrayDeque<>();

    private HrEventsOutboxSplit position;
    private boolean noMoreSplits;
    private long nextQueryAtNanos;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private Connection connection;
    private long queries;
    private long backlog;
    private long nextCountAtNanos;
    static final int COUNT_EVERY_SECONDS = 10;

    public HrEventsOutboxSourceReader(SourceReaderContext context, PostgresEndpoint endpoint, HrEventsOutboxQuery query,
            RowDecoder.BoundDecoder<T> decoder, long pollIntervalMillis, int batchSize) {
        this.context = context;
        this.endpoint = endpoint;
        this.query = query;
        this.decoder = decoder;
        this.pollIntervalMillis = pollIntervalMillis;
        this.batchSize = batchSize;
        context.metricGroup().gauge("outboxPositionEventId", () -> position == null ? 0L : position.eventId());
        context.metricGroup().gauge("outboxPositionTxid", () -> position == null ? 0L : position.txid());
        context.metricGroup().gauge("outboxQueries", () -> queries);
        context.metricGroup().gauge("outboxRowsBehind", () -> backlog + fetched.size());
    }

    @Override
    public void start() {
        if (position == null) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (position == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : waitForSplit();
        }
        if (fetched.isEmpty()) {
            long now = System.nanoTime();
            if (now < nextQueryAtNanos) {
                return waitFor(TimeUnit.NANOSECONDS.toMillis(nextQueryAtNanos - now) + 1);
            }
            fetch();
            if (fetched.isEmpty()) {
                nextQueryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollIntervalMillis);
                return waitFor(pollIntervalMillis);
            }
        }
        HrEventsOutboxQuery.Row row = fetched.poll();
        StringBuilder raw = new StringBuilder();
        for (String v : row.values()) {
            if (raw.length() > 0) {
                raw.append(',');
            }
            raw.append(v == null ? "" : v);
        }
        output.collect(decoder.decode(row.eventId(), row.values(), row.values().length, raw.toString()));
        position = position.after(row.txid(), row.eventId());
        return InputStatus.MORE_AVAILABLE;
    }

    /**
     * One query. A connection kept between polls may have been closed by the server meanwhile (idle
     * timeouts, a restart), so a failure on a reused connection is retried once on a new one; any
     * other failure fails the task.
     */
    private void fetch() {
        boolean reused = connection != null;
        List<HrEventsOutboxQuery.Row> rows;
        try {
            rows = query.after(connection(), position, batchSize);
        } catch (SQLException first) {
            closeConnection();
            if (!reused) {
                throw endpoint.explain(first);
            }
            try {
                rows = query.after(connection(), position, batchSize);
            } catch (SQLException second) {
                closeConnection();
                second.addSuppressed(first);
                throw endpoint.explain(second);
            }
        }
        queries++;
        fetched.addAll(rows);
        countBacklog(rows);
    }

    /** The rows readable beyond the buffered ones, for the outboxRowsBehind gauge. */
    private void countBacklog(List<HrEventsOutboxQuery.Row> rows) {
        if (rows.size() < batchSize) {
            backlog = 0;
            return;
        }
        long now = System.nanoTime();
        if (now - nextCountAtNanos < 0) {
            backlog = Math.max(0, backlog - rows.size());
            return;
        }
        HrEventsOutboxQuery.Row last = rows.get(rows.size() - 1);
        try {
            backlog = query.countAfter(connection(), position.after(last.txid(), last.eventId()));
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
        nextCountAtNanos = now + TimeUnit.SECONDS.toNanos(COUNT_EVERY_SECONDS);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = endpoint.connect();
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
        }
        return connection;
    }

    private InputStatus waitForSplit() {
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private InputStatus waitFor(long millis) {
        available = new CompletableFuture<Void>().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS);
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<HrEventsOutboxSplit> snapshotState(long checkpointId) {
        return position == null ? List.of() : List.of(position);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<HrEventsOutboxSplit> splits) {
        if (position != null || splits.size() != 1) {
            throw new IllegalStateException("an HR events outbox reader reads exactly one split; got " + splits
                    + (position == null ? "" : " while reading " + position));
        }
        position = splits.get(0);
        fetched.clear();
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
            connection = null;
        }
    }
}
