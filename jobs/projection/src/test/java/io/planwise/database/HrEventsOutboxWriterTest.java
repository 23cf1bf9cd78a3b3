package io.planwise.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresException;
import io.planwise.testing.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HR database's outbox writer against a real PostgreSQL server (moved here with the writer from
 * the connector's HrEventsOutboxVisibilityTest, assertions unchanged).
 */
class HrEventsOutboxWriterTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static PostgresEndpoint endpoint;

    @BeforeAll
    static void createSchema() {
        endpoint = PostgresEndpoint.of(POSTGRES.url(), POSTGRES.user(), "", Map.of());
        HrDatabase.createMissingTables(endpoint);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theWriterAppendsInOneTransactionAndReturnsTheIds() throws Exception {
        HrEventsOutboxWriter writer = new HrEventsOutboxWriter(endpoint, "hr_events");
        List<Long> ids = writer.append(List.of(
                new NewHrEvent("E1", "hire", LocalDate.of(2025, 1, 6), new BigDecimal("61000.50"), 2),
                new NewHrEvent(null, "reorg", null, null, null)));
        assertThat(ids).containsExactly(1L, 2L);
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(DISTINCT txid), min(compensation)::text, bool_and(recorded_at IS NOT NULL) FROM hr_events")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("61000.50");
            assertThat(rs.getBoolean(3)).isTrue();
        }
        assertThatThrownBy(() -> writer.append(List.of(new NewHrEvent("E2", "hire", LocalDate.of(2025, 1, 1),
                new BigDecimal("1e20"), 1)))).isInstanceOf(PostgresException.class).hasMessageContaining("numeric field overflow");
        assertThat(count("SELECT count(*) FROM hr_events WHERE true")).isEqualTo(2);
    }

    @Test
    void writingEventsAndApplyingTheSchemaNeverWaitForAWriterWhoseTransactionIsOpen() throws Exception {
        ExecutorService calls = Executors.newSingleThreadExecutor();
        try (Connection open = POSTGRES.connect()) {
            // a writer mid-transaction: it holds ROW EXCLUSIVE on hr_events until it commits
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.execute("INSERT INTO hr_events (employee_id, event_type) VALUES ('OPEN-1', 'hire')");
            }
            HrEventsOutboxWriter writer = new HrEventsOutboxWriter(endpoint, "hr_events");
            // CREATE INDEX IF NOT EXISTS would queue behind the open transaction (SHARE lock), and every
            // INSERT after it behind that: each call must finish while the transaction stays open
            List<Long> ids = calls.submit(() -> writer.append(List.of(new NewHrEvent("W2", "hire", LocalDate.of(2025, 2, 3),
                    new BigDecimal("50000"), 1)))).get(20, TimeUnit.SECONDS);
            assertThat(ids).hasSize(1);
            assertThat(calls.submit(() -> HrDatabase.createMissingTables(endpoint)).get(20, TimeUnit.SECONDS)).isZero();
            assertThat(count("SELECT count(*) FROM pg_locks WHERE NOT granted")).isZero();
            open.rollback();
        } finally {
            calls.shutdownNow();
        }
    }

    @Test
    void aMissingOutboxIsOneSentenceAndTheWriterCreatesNothing() throws Exception {
        HrEventsOutboxWriter writer = new HrEventsOutboxWriter(endpoint, "no_such_outbox");
        assertThatThrownBy(() -> writer.append(List.of(new NewHrEvent("E9", "hire", LocalDate.of(2025, 1, 1), BigDecimal.TEN, 1))))
                .isInstanceOf(PostgresException.class)
                .hasMessage("table no_such_outbox does not exist in " + endpoint.describe() + "; create the PlanWise tables with "
                        + "planwise init-db --url JDBC_URL (load-postgres creates them too)");
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'no_such_outbox'")).isZero();
    }

    @Test
    void theSchemaCanBeAppliedAgainAndHoldsTheCensusTheSeedsAndTheOutbox() throws Exception {
        assertThat(HrDatabase.createMissingTables(endpoint)).isZero();
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN "
                + "('census', 'comp_levers', 'config_job_levels', 'hr_events')")).isEqualTo(4);
        assertThat(HrDatabase.schemaStatements()).anySatisfy(s -> assertThat(s).contains("CREATE TABLE IF NOT EXISTS hr_events"));
        assertThatThrownBy(() -> new HrEventsOutboxWriter(endpoint, "hr_events; DROP TABLE census"))
                .hasMessage("'hr_events; DROP TABLE census' is not a plain table name");
    }
}
