package io.planwise.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.connector.rows.RowDecoder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCHITECTURE.md 6: bigserial ids become visible at commit, so a reader must never pass a
 * transaction that is still open. Two writer connections commit out of id order here, against a
 * real PostgreSQL server, and the outbox query reads every row exactly once.
 */
class HrEventsOutboxVisibilityTest {
    private static EmbeddedPostgres postgres;
    private static String url;
    private static PostgresEndpoint endpoint;
    private static final HrEventsOutboxQuery QUERY = new HrEventsOutboxQuery("hr_events", List.of("event_id", "employee_id"));

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Files.createDirectories(tmp.resolve("pg")).toFile())
                .start();
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        endpoint = PostgresEndpoint.of(url, "postgres", "", Map.of());
        new HrEventsOutboxWriter(endpoint, "hr_events").createSchema();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE hr_events RESTART IDENTITY");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
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
    void theWriterAppendsInOneTransactionAndReturnsTheIds() throws Exception {
        HrEventsOutboxWriter writer = new HrEventsOutboxWriter(endpoint, "hr_events");
        List<Long> ids = writer.append(List.of(
                new NewHrEvent("E1", "hire", LocalDate.of(2025, 1, 6), new BigDecimal("61000.50"), 2),
                new NewHrEvent(null, "reorg", null, null, null)));
        assertThat(ids).containsExactly(1L, 2L);
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(DISTINCT txid), min(compensation)::text, bool_and(recorded_at IS NOT NULL) FROM hr_events")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("61000.50");
            assertThat(rs.getBoolean(3)).isTrue();
        }
        assertThatThrownBy(() -> writer.append(List.of(new NewHrEvent("E2", "hire", LocalDate.of(2025, 1, 1),
                new BigDecimal("1e20"), 1)))).isInstanceOf(PostgresException.class).hasMessageContaining("numeric field overflow");
        assertThat(naiveCount("true")).isEqualTo(2);
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
        HrEventsOutboxEnumeratorStateSerializer states = new HrEventsOutboxEnumeratorStateSerializer();
        HrEventsOutboxEnumeratorState state = new HrEventsOutboxEnumeratorState(List.of(split));
        assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
        HrEventsOutboxEnumeratorState empty = new HrEventsOutboxEnumeratorState(List.of());
        assertThat(states.deserialize(states.getVersion(), states.serialize(empty))).isEqualTo(empty);
    }
}
