package io.planwise.cli;

import java.util.Map;

/**
 * Where a PostgreSQL input lives and who reads it: the JDBC URL and credentials from
 * {@code --db-user}/{@code --db-password}, else the {@code PGUSER}/{@code PGPASSWORD} environment
 * variables. The password is never printed ({@link #toString} leaves it out).
 */
public record DatabaseLogin(String url, String user, String password) {

    public static boolean isJdbcUrl(String text) {
        return text != null && text.startsWith("jdbc:");
    }

    static DatabaseLogin of(String url, Options options, Map<String, String> environment) {
        return new DatabaseLogin(url, options.get("db-user", environment.get("PGUSER")),
                options.get("db-password", environment.get("PGPASSWORD")));
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
