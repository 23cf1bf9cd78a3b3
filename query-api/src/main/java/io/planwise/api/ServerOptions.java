package io.planwise.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The launcher's options.
 *
 * @param warehouse warehouse root (the directory holding {@code current/} and {@code runs/})
 * @param host address to bind; loopback unless asked otherwise, so a forgotten flag never exposes data
 * @param port port to bind; 0 picks a free one
 * @param keysFile API key file, or null with {@code noAuth}
 * @param noAuth serve every scenario to everyone; only with the explicit {@code --no-auth} flag
 * @param queryTimeout longest a request's queries may run before they are interrupted
 * @param connections DuckDB connections, i.e. queries that can run at once
 * @param memoryLimit DuckDB memory limit, DuckDB syntax ({@code 2GB})
 * @param pollInterval how often {@code current/} is scanned to prepare newly published runs ahead of
 *     requests; requests themselves always check the manifest, so this only affects warm-up
 * @param answerCacheMegabytes memory for rendered summary, needs and compare answers; 0 turns it off
 * @param memoryTableMaxRows marts with at most this many rows are copied into DuckDB memory per run;
 *     larger ones are read from their Parquet files on each query
 * @param workDir where the server keeps its {@link WorkDirectory} (the employee index and DuckDB's
 *     spill files), deleted when it stops
 * @param employeeIndexRows runs with at least this many events and snapshot rows get an
 *     {@link EmployeeIndex}; negative turns it off
 */
record ServerOptions(Path warehouse, String host, int port, Path keysFile, boolean noAuth, Duration queryTimeout,
        int connections, String memoryLimit, Duration pollInterval, int answerCacheMegabytes,
        long memoryTableMaxRows, Path workDir, long employeeIndexRows) {

    static final String USAGE = String.join("\n",
            "usage: java -jar planwise-api.jar --warehouse DIR (--keys FILE | --no-auth) [options]",
            "  --warehouse DIR          warehouse root (holds current/ and runs/)",
            "  --keys FILE              API keys (YAML or JSON): SHA-256 of each key and the scenarios it may read",
            "  --no-auth                no keys: every caller reads every scenario (local use only)",
            "  --host ADDR              address to listen on (default 127.0.0.1)",
            "  --port N                 port (default 8080; 0 = any free port)",
            "  --query-timeout-ms N     interrupt a request's queries after N ms (default 10000)",
            "  --connections N          DuckDB queries running at once (default 8)",
            "  --memory-limit SIZE      DuckDB memory limit (default 2GB)",
            "  --poll-ms N              scan current/ for new publishes every N ms (default 1000)",
            "  --answer-cache-mb N      memory for rendered summary/needs/compare answers (default 64; 0 = off)",
            "  --memory-table-rows N    marts up to N rows are held in memory, larger ones read from Parquet"
                    + " (default " + RunViews.DEFAULT_MEMORY_TABLE_MAX_ROWS + ")",
            "  --work-dir DIR           where the employee index and spill files live while the server runs"
                    + " (default: the system temp directory)",
            "  --employee-index-rows N  copy runs with N or more events + snapshot rows into an index sorted by"
                    + " employee (default " + EmployeeIndex.DEFAULT_MIN_ROWS + "; -1 = never)");

    ServerOptions {
        if (warehouse == null) {
            throw new UsageError("--warehouse is required.");
        }
        if (keysFile == null && !noAuth) {
            throw new UsageError("Give --keys FILE, or --no-auth to serve without keys (local use only).");
        }
        if (keysFile != null && noAuth) {
            throw new UsageError("--keys and --no-auth exclude each other.");
        }
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be 0..65535, not " + port + ".");
        }
        if (connections < 1 || connections > 256) {
            throw new UsageError("--connections must be 1..256, not " + connections + ".");
        }
        if (!memoryLimit.matches("[0-9]{1,6}(\\.[0-9]{1,3})?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new UsageError("--memory-limit must look like 2GB or 512MB, not '" + memoryLimit + "'.");
        }
    }

    /** Options for an embedded server (tests, the benchmark): loopback, defaults elsewhere. */
    static ServerOptions embedded(Path warehouse, int port, Path keysFile) {
        return new ServerOptions(warehouse, "127.0.0.1", port, keysFile, keysFile == null, Duration.ofSeconds(10), 8,
                "2GB", Duration.ofSeconds(1), 64, RunViews.DEFAULT_MEMORY_TABLE_MAX_ROWS, defaultWorkDir(),
                EmployeeIndex.DEFAULT_MIN_ROWS);
    }

    ServerOptions withAnswerCache(int megabytes) {
        return new ServerOptions(warehouse, host, port, keysFile, noAuth, queryTimeout, connections, memoryLimit,
                pollInterval, megabytes, memoryTableMaxRows, workDir, employeeIndexRows);
    }

    ServerOptions withMemoryTableRows(long rows) {
        return new ServerOptions(warehouse, host, port, keysFile, noAuth, queryTimeout, connections, memoryLimit,
                pollInterval, answerCacheMegabytes, rows, workDir, employeeIndexRows);
    }

    ServerOptions withPollInterval(Duration interval) {
        return new ServerOptions(warehouse, host, port, keysFile, noAuth, queryTimeout, connections, memoryLimit,
                interval, answerCacheMegabytes, memoryTableMaxRows, workDir, employeeIndexRows);
    }

    ServerOptions withEmployeeIndexRows(long rows) {
        return new ServerOptions(warehouse, host, port, keysFile, noAuth, queryTimeout, connections, memoryLimit,
                pollInterval, answerCacheMegabytes, memoryTableMaxRows, workDir, rows);
    }

    private static Path defaultWorkDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static ServerOptions parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        Path warehouse = null;
        Path keys = null;
        boolean noAuth = false;
        String host = "127.0.0.1";
        int port = 8080;
        long timeoutMs = 10_000;
        int connections = 8;
        String memory = "2GB";
        long pollMs = 1000;
        int cacheMb = 64;
        long memoryTableRows = RunViews.DEFAULT_MEMORY_TABLE_MAX_ROWS;
        Path workDir = defaultWorkDir();
        long indexRows = EmployeeIndex.DEFAULT_MIN_ROWS;
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--warehouse" -> warehouse = Path.of(value(option, rest));
                case "--keys" -> keys = Path.of(value(option, rest));
                case "--no-auth" -> noAuth = true;
                case "--host" -> host = value(option, rest);
                case "--port" -> port = (int) number(option, value(option, rest), 0, 65535);
                case "--query-timeout-ms" -> timeoutMs = number(option, value(option, rest), 1, 3_600_000);
                case "--connections" -> connections = (int) number(option, value(option, rest), 1, 256);
                case "--memory-limit" -> memory = value(option, rest);
                case "--poll-ms" -> pollMs = number(option, value(option, rest), 10, 3_600_000);
                case "--answer-cache-mb" -> cacheMb = (int) number(option, value(option, rest), 0, 65_536);
                case "--memory-table-rows" -> memoryTableRows = number(option, value(option, rest), 0, 1_000_000_000);
                case "--work-dir" -> workDir = Path.of(value(option, rest));
                case "--employee-index-rows" -> indexRows = signedNumber(option, value(option, rest));
                case "-h", "--help" -> throw new UsageError(null);
                default -> throw new UsageError("Unknown option '" + option + "'.");
            }
        }
        return new ServerOptions(warehouse, host, port, keys, noAuth, Duration.ofMillis(timeoutMs), connections, memory,
                Duration.ofMillis(pollMs), cacheMb, memoryTableRows, workDir, indexRows);
    }

    /** -1 (off) or a row count. */
    private static long signedNumber(String option, String text) {
        return text.equals("-1") ? -1 : number(option, text, 0, Long.MAX_VALUE);
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peek().startsWith("--")) {
            throw new UsageError(option + " needs a value.");
        }
        return rest.pop();
    }

    private static long number(String option, String text, long min, long max) {
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new UsageError(option + " must be a whole number from " + min + " to " + max + ", not '" + text + "'.");
    }

    /** A bad command line; the message (or the usage alone when null) goes to stderr. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
