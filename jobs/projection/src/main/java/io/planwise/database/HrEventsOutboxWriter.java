package io.planwise.database;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresException;
import io.planwise.connector.postgres.PostgresRelations;
import io.planwise.connector.postgres.outbox.HrEventsOutboxOptions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events to the outbox table in one transaction per call: all of them get event ids and
 * become visible together at commit, or none does ({@code planwise append-events}, and HR systems'
 * stand-in in the tests). It never runs DDL and takes no lock beyond its INSERT's, so it never waits
 * on another writer: the table comes from {@link HrDatabase} ({@code planwise init-db} or
 * {@code load-postgres}), and a missing table is one clear error.
 */
public final class HrEventsOutboxWriter {
    private final PostgresEndpoint endpoint;
    private final String table;

    public HrEventsOutboxWriter(PostgresEndpoint endpoint, String table) {
        if (!table.matches(PostgresRelations.TABLE_NAME)) {
            throw new IllegalArgumentException("'" + table + "' is not a plain table name");
        }
        this.endpoint = endpoint;
        this.table = table;
    }

    /** Appends the events in one transaction; returns their event ids, in the order given. */
    public List<Long> append(List<NewHrEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String sql = "INSERT INTO " + table + " (employee_id, event_type, effective_date, compensation, level_id) "
                + "SELECT e.employee_id, e.event_type, e.effective_date, e.compensation, e.level_id FROM unnest(?::text[], ?::text[], ?::date[], ?::numeric[], ?::integer[]) "
                + "WITH ORDINALITY AS e(employee_id, event_type, effective_date, compensation, level_id, n) ORDER BY n "
                + "RETURNING event_id";
        int n = events.size();
        String[] employees = new String[n];
        String[] types = new String[n];
        String[] dates = new String[n];
        BigDecimal[] compensation = new BigDecimal[n];
        Integer[] levels = new Integer[n];
        for (int i = 0; i < n; i++) {
            NewHrEvent e = events.get(i);
            employees[i] = e.employeeId();
            types[i] = e.eventType();
            dates[i] = e.effectiveDate() == null ? null : e.effectiveDate().toString();
            compensation[i] = e.compensation();
            levels[i] = e.levelId();
        }
        try (Connection c = endpoint.connect()) {
            c.setAutoCommit(false);
            if (!PostgresRelations.exists(c, table)) {
                throw new PostgresException(HrEventsOutboxOptions.missingTable(table, endpoint.describe()));
            }
            List<Long> ids = new ArrayList<>(n);
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setArray(1, c.createArrayOf("text", employees));
                st.setArray(2, c.createArrayOf("text", types));
                st.setArray(3, c.createArrayOf("text", dates));
                st.setArray(4, c.createArrayOf("numeric", compensation));
                st.setArray(5, c.createArrayOf("int4", levels));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                c.rollback();
                throw new PostgresException("appending " + n + " events to " + table + " in " + endpoint.describe()
                        + " failed: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw endpoint.explain(e);
        }
    }
}
