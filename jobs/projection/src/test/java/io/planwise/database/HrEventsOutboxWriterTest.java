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
        new HrEventsOutboxWriter(endpoint, "hr_events").createSchema();
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
    void theSchemaCanBeAppliedAgainAndHoldsTheCensusTheSeedsAndTheOutbox() throws Exception {
        HrDatabase.createMissingTables(endpoint);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN "
                + "('census', 'comp_levers', 'config_job_levels', 'hr_events')")).isEqualTo(4);
        assertThat(HrDatabase.schemaStatements()).anySatisfy(s -> assertThat(s).contains("CREATE TABLE IF NOT EXISTS hr_events"));
        assertThatThrownBy(() -> new HrEventsOutboxWriter(endpoint, "hr_events; DROP TABLE census"))
                .hasMessage("'hr_events; DROP TABLE census' is not a plain table name");
    }
}
