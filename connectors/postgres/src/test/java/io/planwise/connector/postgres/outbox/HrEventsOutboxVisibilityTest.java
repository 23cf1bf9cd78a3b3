package io.planwise.connector.postgres.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresException;
import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumState;
import io.planwise.connector.postgres.outbox.enumerator.HrEventsOutboxSourceEnumStateSerializer;
import io.planwise.connector.postgres.outbox.reader.HrEventsOutboxQuery;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplit;
import io.planwise.connector.postgres.outbox.split.HrEventsOutboxSplitSerializer;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARCHITECTURE.md 6: bigserial ids become visible at commit, so a reader must never pass a
 * transaction that is still open. Two writer connections commit out of id order here, against a
 * real PostgreSQL server, and the outbox query reads every row exactly once. The outbox table is
 * created here with plain DDL (the shape the source requires: a bigserial event_id and an xid8 txid
 * defaulting to the writing transaction); the domain's own schema and writer live in jobs/projection
 * ({@code io.planwise.database}) and are tested there.
 */
class HrEventsOutboxVisibilityTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static String url;
    private static PostgresEndpoint endpoint;
    private static final HrEventsOutboxQuery QUERY = new HrEventsOutboxQuery("hr_events", List.of("event_id", "employee_id"));

    @BeforeAll
    static void createOutbox() throws Exception {
        url = POSTGRES.url();
        endpoint = PostgresEndpoint.of(url, POSTGRES.user(), "", Map.of());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS hr_events (event_id bigserial PRIMARY KEY, employee_id text, event_type text, "
                    + "effective_date date, compensation numeric(18,2), level_id integer, "
                    + "recorded_at timestamptz NOT NULL DEFAULT now(), txid xid8 NOT NULL DEFAULT pg_current_xact_id())");
            s.execute("CREATE INDEX IF NOT EXISTS hr_events_txid_event_id ON hr_events (txid, event_id)");
        }
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE hr_events RESTART IDENTITY");
        }
    }

    private static Connection connect() throws SQLException {
        return POSTGRES.connect();
    }

    private static Connection openTransaction() throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        return c;
    }

    private static long insert(Connection c, String employee) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("INSERT INTO hr_events (employee_id, event_type, "
                + "effective_date, compensation, level_id) VALUES ('" + employee + "', 'hire', DATE '2025-01-01', 50000, 1) "
                + "RETURNING event_id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads everything the rule lets through now, advancing the position like the reader does. */
    private static List<Long> readAll(HrEventsOutboxSplit[] position) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect()) {
            for (List<HrEventsOutboxQuery.Row> rows; !(rows = QUERY.after(c, position[0], 2)).isEmpty(); ) {
                for (HrEventsOutboxQuery.Row r : rows) {
                    ids.add(r.eventId());
                    position[0] = position[0].after(r.txid(), r.eventId());
                }
            }
        }
        return ids;
    }

    private static long naiveCount(String condition) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM hr_events WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anOpenTransactionHoldsBackEveryRowCommittedAfterIt() throws Exception {
        HrEventsOutboxSplit[] position = {HrEventsOutboxSplit.fromStart()};
        try (Connection a = openTransaction(); Connection b = openTransaction()) {
            long first = insert(a, "A");
            long second = insert(b, "B");
            b.commit();
            assertThat(second).isGreaterThan(first);
            // a reader by event_id alone would take event 2 now and never look below it again
            assertThat(naiveCount("event_id > 0")).isEqualTo(1);
            assertThat(readAll(position)).isEmpty();
            a.commit();
        }
        assertThat(readAll(position)).containsExactly(1L, 2L);
        assertThat(readAll(position)).isEmpty();
    }

    @Test
    void theBacklogCountIsWhatTheReaderWouldStillReadFromTheSameSnapshotRule() throws Exception {
        try (Connection c = connect()) {
            for (int i = 0; i < 5; i++) {
                insert(c, "C" + i);
            }
            HrEventsOutboxSplit start = HrEventsOutboxSplit.fromStart();
            assertThat(QUERY.countAfter(c, start)).isEqualTo(5);
            HrEventsOutboxQuery.Row second = QUERY.after(c, start, 2).get(1);
            assertThat(QUERY.countAfter(c, start.after(second.txid(), second.eventId()))).isEqualTo(3);
            try (Connection open = openTransaction()) {
                insert(open, "OPEN");
                insert(c, "LATER");
                // held back behind the open transaction, as the reader's own query holds them back
                assertThat(QUERY.countAfter(c, start)).isEqualTo(5);
                open.commit();
            }
            assertThat(QUERY.countAfter(c, start)).isEqualTo(7);
        }
    }

    @Test
    void transactionsWhoseIdsAreInTheOtherOrderLoseNothing() throws Exception {
        HrEventsOutboxSplit[] position = {HrEventsOutboxSplit.fromStart()};
        try (Connection a = openTransaction(); Connection b = openTransaction()) {
            // B writes something else first, so it holds the older transaction id but the later event id
            try (Statement s = b.createStatement()) {
                s.execute("SELECT pg_current_xact_id()");
            }
            long eventOfA = insert(a, "A");
            long eventOfB = insert(b, "B");
            assertThat(eventOfB).isGreaterThan(eventOfA);
            b.commit();
            assertThat(readAll(position)).containsExactly(eventOfB);
            // "event_id > last below the horizon" would now skip A's event for ever
            a.commit();
            assertThat(naiveCount("event_id > " + eventOfB + " AND txid < pg_snapshot_xmin(pg_current_snapshot())")).isZero();
        }
        assertThat(readAll(position)).containsExactly(1L);
    }

    @Test
    void rolledBackRowsAreNeverReadAndDoNotBlock() throws Exception {
        HrEventsOutboxSplit[] position = {HrEventsOutboxSplit.fromStart()};
        try (Connection a = openTransaction()) {
            insert(a, "A");
            try (Connection b = connect()) {
                insert(b, "B");
            }
            assertThat(readAll(position)).isEmpty();
            a.rollback();
        }
        assertThat(readAll(position)).containsExactly(2L);
    }

    @Test
    void manyTransactionsCommittingInEveryOrderAreReadOnceEach() throws Exception {
        HrEventsOutboxSplit[] position = {HrEventsOutboxSplit.fromStart()};
        List<Long> read = new ArrayList<>();
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Connection c = openTransaction();
                insert(c, "E" + i);
                insert(c, "E" + i);
                open.add(c);
            }
            // commit from the newest to the oldest, reading after each commit
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).commit();
                read.addAll(readAll(position));
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
        assertThat(read).hasSize(24).doesNotHaveDuplicates();
        assertThat(read).isSorted();
    }

    @Test
    void theBuilderRefusesATableThatCannotBeReadSafely() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS plain_events");
            s.execute("CREATE TABLE plain_events (event_id bigserial, employee_id text)");
        }
        RowDecoder<String> decoder = (source, columns) -> (row, values, count, raw) -> raw;
        assertThatThrownBy(() -> HrEventsOutboxSource.<String>builder().setEndpoint(endpoint).setTable("plain_events")
                .setDecoder(decoder).setTypeInformation(Types.STRING).build())
                .isInstanceOf(PostgresException.class)
                .hasMessageContaining("table plain_events has no column txid; an outbox needs txid xid8 NOT NULL DEFAULT pg_current_xact_id()");
        assertThatThrownBy(() -> HrEventsOutboxSource.<String>builder().setEndpoint(endpoint).setTable("no_such_outbox")
                .setDecoder(decoder).setTypeInformation(Types.STRING).build())
                .hasMessageContaining("table no_such_outbox does not exist in " + url);
        HrEventsOutboxSource<String> ok = HrEventsOutboxSource.<String>builder().setEndpoint(endpoint)
                .setDecoder(decoder).setTypeInformation(Types.STRING).build();
        assertThat(ok.description()).isEqualTo(url + " table hr_events");
    }

    @Test
    void positionsSurviveTheirSerializerAndOtherVersionsAreRefused() throws Exception {
        HrEventsOutboxSplit split = HrEventsOutboxSplit.fromStart().after(9_000_000_123L, 42);
        HrEventsOutboxSplitSerializer s = HrEventsOutboxSplitSerializer.INSTANCE;
        assertThat(s.deserialize(s.getVersion(), s.serialize(split))).isEqualTo(split);
        assertThatThrownBy(() -> s.deserialize(2, s.serialize(split))).hasMessageContaining("version 2");
        HrEventsOutboxSourceEnumStateSerializer states = new HrEventsOutboxSourceEnumStateSerializer();
        HrEventsOutboxSourceEnumState state = new HrEventsOutboxSourceEnumState(List.of(split));
        assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
        HrEventsOutboxSourceEnumState empty = new HrEventsOutboxSourceEnumState(List.of());
        assertThat(states.deserialize(states.getVersion(), states.serialize(empty))).isEqualTo(empty);
    }
}
