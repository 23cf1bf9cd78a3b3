package io.planwise.cli;

import io.planwise.connector.postgres.PostgresEndpoint;

/** The PostgreSQL endpoint of a command's {@code --url}/{@code --db-user}/{@code --db-password} (or PGUSER/PGPASSWORD). */
final class PostgresLogins {
    private PostgresLogins() {}

    static PostgresEndpoint endpoint(Options options, String url) {
        DatabaseLogin login = DatabaseLogin.of(url, options, System.getenv());
        return endpoint(login);
    }

    static PostgresEndpoint endpoint(DatabaseLogin login) {
        return PostgresEndpoint.of(login.url(), login.user(), login.password(), java.util.Map.of());
    }
}
