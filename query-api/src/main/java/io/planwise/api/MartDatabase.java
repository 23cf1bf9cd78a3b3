package io.planwise.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory DuckDB database the API queries, locked down before any request reaches it, and the
 * pool of connections requests take turns on.
 *
 * <p>Lock-down (DuckDB 1.4): {@code allowed_directories} is set to the directories the API reads (the
 * warehouse's {@code runs/} directory and the committed actuals of {@code fct_workforce_actual_monthly}),
 * then {@code enable_external_access=false} forbids every other file (read_csv('/etc/passwd'), COPY,
 * ATTACH, extension installs) while the allowed directories stay readable, and finally
 * {@code lock_configuration=true} makes every later SET fail, so not even a query this server sends can
 * loosen it. Spilling to disk is off ({@code temp_directory=''}): queries are bounded by row caps and
 * the memory limit instead of leaving files behind.
 *
 * <p>Every query runs against a deadline: a watchdog cancels the statement when the request's time is
 * up, and the caller gets a 503 naming the limit.
 */
final class MartDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MartDatabase.class);

    private final DuckDBConnection root;
    private final BlockingQueue<PooledConnection> pool;
    private final List<PooledConnection> all = new ArrayList<>();
    /** Schemas dropped so far, in order; connections close their statements of these. */
    private final List<String> droppedSchemas = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watchdog;
    private final Duration queryTimeout;
    private final boolean employeeIndex;

    private MartDatabase(DuckDBConnection root, int connections, Duration queryTimeout, boolean employeeIndex)
            throws SQLException {
        this.root = root;
        this.employeeIndex = employeeIndex;
        this.queryTimeout = queryTimeout;
        this.pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            PooledConnection c = new PooledConnection(root.duplicate());
            all.add(c);
            pool.add(c);
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "query-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the database, readable only below {@code readableDirs} (which need not exist yet).
     *
     * @throws IllegalStateException if DuckDB cannot be started or locked down
     */
    static MartDatabase open(List<Path> readableDirs, int connections, String memoryLimit, Duration queryTimeout) {
        return open(readableDirs, connections, memoryLimit, queryTimeout, null);
    }

    /**
     * Opens the database as above and, with a work directory, attaches the {@link EmployeeIndex}'s
     * database file there and lets queries spill to its {@code spill/} (the index build's sort may need
     * more than the memory limit); without one, nothing is ever written to disk.
     */
    static MartDatabase open(List<Path> readableDirs, int connections, String memoryLimit, Duration queryTimeout,
            Path workDir) {
        if (readableDirs.isEmpty()) {
            throw new IllegalArgumentException("No readable directory given.");
        }
        try {
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            // DuckDB compares path text, so allow each directory as the paths the API builds spell it and,
            // when that goes through a symbolic link, as the link resolves.
            Set<String> dirs = new LinkedHashSet<>();
            for (Path dir : readableDirs) {
                Path plain = dir.toAbsolutePath().normalize();
                dirs.add(literal(plain + "/"));
                if (Files.isDirectory(plain)) {
                    dirs.add(literal(plain.toRealPath() + "/"));
                }
            }
            String allowed = String.join(", ", dirs);
            try (Statement s = root.createStatement()) {
                s.execute("SET memory_limit = " + literal(memoryLimit));
                if (workDir == null) {
                    s.execute("SET temp_directory = ''");
                } else {
                    Path dir = workDir.toAbsolutePath().normalize();
                    s.execute("SET temp_directory = " + literal(dir.resolve("spill").toString()));
                    s.execute("ATTACH " + literal(dir.resolve(EmployeeIndex.CATALOG + ".duckdb").toString()) + " AS "
                            + EmployeeIndex.CATALOG);
                }
                s.execute("SET preserve_insertion_order = true");
                s.execute("SET parquet_metadata_cache = true");
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                s.execute("SET allowed_directories = [" + allowed + "]");
                s.execute("SET enable_external_access = false");
                s.execute("SET lock_configuration = true");
            }
            return new MartDatabase(root, connections, queryTimeout, workDir != null);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not start DuckDB: " + e.getMessage(), e);
        }
    }

    /** Whether the employee index's database is attached (the server has a work directory). */
    boolean hasEmployeeIndex() {
        return employeeIndex;
    }

    /**
     * A connection of its own for long background work (building the employee index), so it never
     * holds one of the request pool's connections; the caller closes it.
     */
    Connection backgroundConnection() throws SQLException {
        return root.duplicate();
    }

    Duration queryTimeout() {
        return queryTimeout;
    }

    /** A deadline for the queries of one request, starting now. */
    Deadline deadline() {
        return new Deadline(System.nanoTime() + queryTimeout.toNanos());
    }

    /** Runs DDL statements in order on one connection (creating a run's relations). */
    void execute(List<String> statements) {
        PooledConnection c = take(deadline());
        try (Statement s = c.connection().createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            pool.add(c);
        }
    }

    /** Drops a run's schema and everything in it; connections forget their statements on it. */
    void dropSchema(String schema) {
        if (!schema.matches("run_[0-9]+")) {
            throw new IllegalArgumentException("Not a run schema: " + schema);
        }
        execute(List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        droppedSchemas.add(schema);
    }

    /**
     * Runs one query with bound values and returns at most {@code maxRows} rows.
     *
     * @param values bound in order: String, Long, Integer, Boolean, BigDecimal or LocalDate
     * @throws ApiError 503 when the deadline passes, 500 (with a reference, no detail) on any other failure
     */
    ResultTable query(Deadline deadline, String sql, List<Object> values, int maxRows) {
        PooledConnection c = take(deadline);
        AtomicBoolean timedOut = new AtomicBoolean();
        boolean failed = true;
        try {
            PreparedStatement ps = c.prepare(sql);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            long remaining = deadline.remainingNanos();
            if (remaining <= 0) {
                throw tooSlow();
            }
            // The watchdog may cancel only while the statement runs: a late cancel would otherwise hit
            // the connection's next query.
            Object guard = new Object();
            boolean[] finished = {false};
            ScheduledFuture<?> cancel = watchdog.schedule(() -> {
                synchronized (guard) {
                    if (finished[0]) {
                        return;
                    }
                    timedOut.set(true);
                    try {
                        ps.cancel();
                    } catch (SQLException | RuntimeException e) {
                        LOG.warn("Could not interrupt a query past its deadline: {}", e.toString());
                    }
                }
            }, remaining, TimeUnit.NANOSECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                ResultTable table = read(rs, maxRows);
                failed = false;
                return table;
            } finally {
                cancel.cancel(false);
                synchronized (guard) {
                    finished[0] = true;
                }
            }
        } catch (SQLException e) {
            if (timedOut.get()) {
                throw tooSlow();
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Query failed (reference {}): {}\n{}", reference, e.getMessage(), sql);
            throw new ApiError(500, "Internal error (reference " + reference + ").", null);
        } finally {
            if (failed) {
                c.forget(sql);
            }
            pool.add(c);
        }
    }

    private ApiError tooSlow() {
        return ApiError.unavailable("The query ran longer than the limit of " + queryTimeout.toMillis()
                + " ms; narrow it with filters such as year or employee_id.");
    }

    private PooledConnection take(Deadline deadline) {
        try {
            PooledConnection c = pool.poll(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw ApiError.unavailable("The server is busy; try again.");
            }
            c.forgetDropped(droppedSchemas);
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("The server is shutting down.");
        }
    }

    private static ResultTable read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ResultTable.Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(new ResultTable.Column(md.getColumnName(i), md.getColumnTypeName(i)));
        }
        List<Object[]> rows = new ArrayList<>();
        while (rows.size() < maxRows && rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = plain(rs.getObject(i + 1));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /** Values as the renderers know them. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Integer
                || value instanceof BigDecimal || value instanceof BigInteger || value instanceof Boolean
                || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Double d) {
            // JSON has no NaN or infinity.
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        return value.toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        all.forEach(PooledConnection::close);
        try {
            root.close();
        } catch (SQLException e) {
            LOG.debug("Closing DuckDB: {}", e.toString());
        }
    }

    /** When a request's queries must have finished. */
    record Deadline(long atNanos) {
        long remainingNanos() {
            return atNanos - System.nanoTime();
        }
    }
}
