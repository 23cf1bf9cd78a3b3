package io.planwise.connector.postgres.outbox.reader;

import io.planwise.connector.postgres.outbox.HrEventsOutboxSource;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one query that reads the outbox: the next rows after a position, taking only rows whose
 * transaction is older than every transaction still in flight.
 *
 * <pre>
 * SELECT o.txid::text, o.event_id, o.&lt;columns&gt; FROM hr_events o
 *  WHERE o.txid &lt; pg_snapshot_xmin(pg_current_snapshot())
 *    AND (o.txid, o.event_id) &gt; (:txid, :event_id)
 *  ORDER BY o.txid, o.event_id LIMIT :n
 * </pre>
 *
 * One statement, so the horizon and the rows come from the same snapshot: every transaction below
 * the snapshot's xmin has ended, so the rows below it are final (committed and visible, or rolled
 * back and never visible) and no row can later appear before the position. See
 * {@link HrEventsOutboxSource} for the whole argument. The builder runs it once to check the table;
 * the reader runs it for every batch.
 */
public final class HrEventsOutboxQuery {
    private final String sql;
    private final String countSql;
    private final List<String> columns;

    /** @param columns the table's columns to hand to the decoder, in this order */
    public HrEventsOutboxQuery(String table, List<String> columns) {
        this.columns = List.copyOf(columns);
        StringBuilder select = new StringBuilder("SELECT o.txid::text, o.event_id");
        for (String c : columns) {
            select.append(", o.").append(c);
        }
        this.sql = select + " FROM " + table + " o WHERE o.txid < pg_snapshot_xmin(pg_current_snapshot())"
                + " AND (o.txid, o.event_id) > (?::xid8, ?) ORDER BY o.txid, o.event_id LIMIT ?";
        this.countSql = "SELECT count(*) FROM " + table + " o WHERE o.txid < pg_snapshot_xmin(pg_current_snapshot())"
                + " AND (o.txid, o.event_id) > (?::xid8, ?)";
    }

    /** A row read: its position and its values as text (SQL NULL is null). */
    public record Row(long txid, long eventId, String[] values) {}

    public List<String> columns() {
        return columns;
    }

    /** How many rows the reader could read after the position now (an index-only count of the same range). */
    public long countAfter(Connection connection, HrEventsOutboxSplit position) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(countSql)) {
            st.setString(1, Long.toUnsignedString(position.txid()));
            st.setLong(2, position.eventId());
            st.setQueryTimeout(120);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Up to limit rows after the position, in (txid, event_id) order. */
    public List<Row> after(Connection connection, HrEventsOutboxSplit position, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, Long.toUnsignedString(position.txid()));
            st.setLong(2, position.eventId());
            st.setInt(3, limit);
            st.setQueryTimeout(120);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String[] values = new String[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(i + 3);
                    }
                    rows.add(new Row(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2), values));
                }
            }
        }
        return rows;
    }
}
