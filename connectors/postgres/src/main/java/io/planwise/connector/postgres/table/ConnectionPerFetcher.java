package io.planwise.connector.postgres.table;

import io.planwise.connector.postgres.PostgresEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;

/**
 * A connection per split-fetcher thread. flink-connector-jdbc-core 4.0.0 hands one provider, and
 * so one connection, to every split reader of a subtask, and a reader that finishes its split
 * closes that connection while the reader of the next split is still using it ("Socket closed",
 * FLINK-39206). Readers run on their own fetcher threads, so one connection per thread keeps
 * them apart; a closed one is replaced on the next request.
 */
public final class ConnectionPerFetcher implements JdbcConnectionProvider {
    private static final long serialVersionUID = 1L;

    private final PostgresEndpoint endpoint;
    private transient ThreadLocal<Connection> connections;

    public ConnectionPerFetcher(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    private ThreadLocal<Connection> connections() {
        if (connections == null) {
            synchronized (this) {
                if (connections == null) {
                    connections = new ThreadLocal<>();
                }
            }
        }
        return connections;
    }

    @Override
    public Connection getConnection() {
        return connections().get();
    }

    @Override
    public boolean isConnectionValid() throws SQLException {
        Connection c = connections().get();
        return c != null && c.isValid(10);
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException {
        Connection c = connections().get();
        if (c == null || c.isClosed()) {
            c = endpoint.connect();
            connections().set(c);
        }
        return c;
    }

    @Override
    public void closeConnection() {
        Connection c = connections().get();
        connections().remove();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing: nothing left to read from it
            }
        }
    }

    @Override
    public Connection reestablishConnection() throws SQLException {
        closeConnection();
        return getOrEstablishConnection();
    }
}
