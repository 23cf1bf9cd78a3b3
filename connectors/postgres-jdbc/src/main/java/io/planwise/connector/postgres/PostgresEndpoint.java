package io.planwise.connector.postgres;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Where a PostgreSQL database is and who to connect as. Credentials come from the explicit values,
 * else from the libpq environment variables PGUSER and PGPASSWORD, else from the URL itself; the
 * password is never part of {@link #toString()} or of any error message.
 */
public final class PostgresEndpoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String user;
    private final String password;

    private PostgresEndpoint(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static boolean isJdbcUrl(String text) {
        return text != null && text.startsWith("jdbc:postgresql:");
    }

    /** user and password may be null: the environment (PGUSER, PGPASSWORD) or the URL supply them. */
    public static PostgresEndpoint of(String url, String user, String password, Map<String, String> environment) {
        if (!isJdbcUrl(url)) {
            throw new PostgresException("'" + redact(url) + "' is not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database");
        }
        return new PostgresEndpoint(url, user != null ? user : environment.get("PGUSER"),
                password != null ? password : environment.get("PGPASSWORD"));
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** For the driver only (JDBC connection options); never print it. */
    public String password() {
        return password;
    }

    /** The URL without its query string (which may carry a password). */
    public String describe() {
        return redact(url);
    }

    private static String redact(String url) {
        if (url == null) {
            return "null";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    public Connection connect() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /** Turns a driver error into a sentence: unreachable server, refused credentials, unknown database. */
    public PostgresException explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String who = user == null ? "the default user" : "user '" + user + "'";
        String message;
        if (state.startsWith("08")) {
            message = "cannot reach PostgreSQL at " + describe() + " (" + firstLine(e) + ")";
        } else if (state.startsWith("28")) {
            message = "PostgreSQL at " + describe() + " refused the credentials of " + who + " (" + firstLine(e) + ")";
        } else if (state.equals("3D000")) {
            message = "PostgreSQL at " + describe() + " has no such database (" + firstLine(e) + ")";
        } else {
            message = "PostgreSQL at " + describe() + ": " + firstLine(e);
        }
        return new PostgresException(message, e);
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String toString() {
        return describe() + (user == null ? "" : " as " + user);
    }
}
