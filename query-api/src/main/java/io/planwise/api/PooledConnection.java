package io.planwise.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DuckDB connection of the pool with the statements it prepared, reused by SQL text: preparing
 * costs more than running a query on a small in-memory table, and the endpoints send the same few
 * statements again and again. Used by one request at a time, so it needs no locking.
 *
 * <p>Statements name a run's schema ({@code run_<n>.}); schema names are never reused, so a statement
 * of a dropped run is simply never asked for again, and {@link #forgetDropped} closes it.
 */
final class PooledConnection {

    private static final int MAX_STATEMENTS = 64;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    /** How many entries of the database's list of dropped schemas this connection has handled. */
    private int droppedSeen;

    PooledConnection(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
            if (statements.size() > MAX_STATEMENTS) {
                Iterator<PreparedStatement> eldest = statements.values().iterator();
                close(eldest.next());
                eldest.remove();
            }
        }
        return ps;
    }

    /** Drops a statement that failed or was interrupted, so the next request prepares it afresh. */
    void forget(String sql) {
        PreparedStatement ps = statements.remove(sql);
        if (ps != null) {
            close(ps);
        }
    }

    /** Closes the statements that name a schema dropped since this connection last looked. */
    void forgetDropped(List<String> droppedSchemas) {
        int n = droppedSchemas.size();
        for (int i = droppedSeen; i < n; i++) {
            String prefix = droppedSchemas.get(i) + ".";
            statements.entrySet().removeIf(e -> {
                if (e.getKey().contains(prefix)) {
                    close(e.getValue());
                    return true;
                }
                return false;
            });
        }
        droppedSeen = n;
    }

    void close() {
        statements.values().forEach(PooledConnection::close);
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at shutdown; nothing to do
        }
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // a statement of a dropped schema may refuse politely; it is gone either way
        }
    }
}
