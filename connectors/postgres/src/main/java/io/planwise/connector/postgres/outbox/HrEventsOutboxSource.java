package io.planwise.connector.postgres.outbox;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumState;
import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumStateSerializer;
import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumerator;
import io.planwise.connector.postgres.outbox.reader.HrEventsOutboxQuery;
import io.planwise.connector.postgres.outbox.reader.HrEventsOutboxSourceReader;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplitSerializer;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Tails an outbox table ({@code hr_events}: a bigserial {@code event_id} and an {@code xid8 txid}
 * column defaulting to {@code pg_current_xact_id()}) without ever losing or repeating a row.
 *
 * <p><b>The visibility rule.</b> A bigserial id is taken when a row is inserted but the row
 * becomes visible when its transaction commits, so ids appear out of order: while transaction A
 * (event 5) is still open, B (event 6) commits; a reader that remembers "read up to 6" and then
 * asks for {@code event_id > 6} never sees 5. This source therefore reads only rows whose writing
 * transaction is older than every transaction still in flight: {@code txid <
 * pg_snapshot_xmin(pg_current_snapshot())}. Every transaction below that horizon has ended, so
 * that part of the table is final — its committed rows are visible, its rolled-back rows never
 * will be — and no row can ever appear in it again. The rows are read in {@code (txid, event_id)}
 * order, the order in which they become final (a transaction's own events in event_id order;
 * transactions by the id they got at their first write, which is event_id order whenever the event
 * insert is a writer's first statement). Reading "after (txid 7, event_id 6)" is exact even when
 * xid order and id order disagree; "after event_id 6 below the horizon" would not be. A long-open
 * transaction anywhere on the server holds the horizon back, which delays events but never loses
 * them (set {@code idle_in_transaction_session_timeout}).
 *
 * <p><b>Progress.</b> The outbox is one split ({@link HrEventsOutboxSplit}), read by one subtask.
 * Its position, the (txid, event_id) of the last row emitted, is the reader's checkpointed state:
 * rows emitted before a checkpoint barrier are covered by it, rows fetched but not yet emitted are
 * not, and after a restore the reader asks again for the rows after the restored position. With
 * a sink that commits on checkpoints (FileSink) every row reaches the output exactly once.
 *
 * <p><b>Polling.</b> One query returns up to {@code batchSize} rows; when a query returns none the
 * reader waits {@code pollInterval} before the next (both in {@link HrEventsOutboxOptions}). Rows are handed to a {@link RowDecoder} as
 * text (column order of the table, txid left out; timestamps rendered in UTC), the event_id as the
 * row number.
 *
 * <p><b>Failure.</b> A query that fails on the connection kept from an earlier poll (the server
 * closed it: idle timeout, restart) is retried once on a new connection. Any other database error
 * fails the task with a sentence saying what is wrong (unreachable server, refused credentials, …);
 * Flink's restart strategy restarts it from the last checkpoint, where the position says where to
 * resume. The builder checks the table and its columns before the job starts.
 *
 * <p><b>Shape.</b> A FLIP-27 source like Flink's own connectors: {@link HrEventsOutboxSourceBuilder}
 * and {@link HrEventsOutboxOptions} here, the enumerator and its checkpoint state in
 * {@code outbox.enumerator}, the reader and its query in {@code outbox.reader}, the split and its
 * serializer in {@code outbox.split}.
 */
public final class HrEventsOutboxSource<T>
        implements Source<T, HrEventsOutboxSplit, HrEventsOutboxSourceEnumState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final PostgresEndpoint endpoint;
    private final HrEventsOutboxOptions options;
    private final List<String> columns;
    private final RowDecoder<T> decoder;
    private final TypeInformation<T> type;

    HrEventsOutboxSource(PostgresEndpoint endpoint, HrEventsOutboxOptions options, List<String> columns,
            RowDecoder<T> decoder, TypeInformation<T> type) {
        this.endpoint = endpoint;
        this.options = options;
        this.columns = List.copyOf(columns);
        this.decoder = decoder;
        this.type = type;
    }

    public static <T> HrEventsOutboxSourceBuilder<T> builder() {
        return new HrEventsOutboxSourceBuilder<>();
    }

    /** Where the rows come from, without credentials (for names in the dashboard and messages). */
    public String description() {
        return endpoint.describe() + " table " + options.table();
    }

    /** The table, poll interval and batch size this source reads with. */
    public HrEventsOutboxOptions options() {
        return options;
    }

    /**
     * How many rows of the outbox are final now (their transactions ended before every transaction
     * still in flight): once the source has emitted this many rows from the start, it has read
     * everything committed before this call.
     */
    public long readableRows() {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + options.table()
                        + " WHERE txid < pg_snapshot_xmin(pg_current_snapshot())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, HrEventsOutboxSplit> createReader(SourceReaderContext context) throws RowFormatException {
        return new HrEventsOutboxSourceReader<>(context, endpoint, new HrEventsOutboxQuery(options.table(), columns),
                decoder.bind(description(), columns), options.pollInterval().toMillis(), options.batchSize());
    }

    @Override
    public SplitEnumerator<HrEventsOutboxSplit, HrEventsOutboxSourceEnumState> createEnumerator(
            SplitEnumeratorContext<HrEventsOutboxSplit> context) {
        return new HrEventsOutboxSourceEnumerator(context, List.of(HrEventsOutboxSplit.fromStart()));
    }

    @Override
    public SplitEnumerator<HrEventsOutboxSplit, HrEventsOutboxSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<HrEventsOutboxSplit> context, HrEventsOutboxSourceEnumState checkpoint) {
        return new HrEventsOutboxSourceEnumerator(context, checkpoint.unassigned());
    }

    @Override
    public SimpleVersionedSerializer<HrEventsOutboxSplit> getSplitSerializer() {
        return HrEventsOutboxSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<HrEventsOutboxSourceEnumState> getEnumeratorCheckpointSerializer() {
        return new HrEventsOutboxSourceEnumStateSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
