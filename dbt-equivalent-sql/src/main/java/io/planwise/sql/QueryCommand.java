package io.planwise.sql;

import io.planwise.cli.Command;
import io.planwise.cli.Option;
import io.planwise.cli.Options;
import io.planwise.cli.UsageException;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * {@code planwise query [--warehouse DIR] [--format table|csv|json] ["SQL"]}: SQL over the published
 * marts without a DuckDB CLI.
 *
 * <p>Each mart of {@link ProjectionMarts} is a view named like the mart over the current run of every
 * scenario (rows carry {@code scenario_id}), reading exactly the files each manifest lists, never a
 * glob; a mart a run has no files for adds no rows but keeps its columns. Each streaming actuals
 * mart of {@link ActualsMarts} is a view over its current files by the reader rule of
 * {@link StreamingMartFiles} (so a compaction is never counted twice). Once the views exist, DuckDB
 * is locked down as the query API's is: it may read the warehouse's {@code runs/} and the actuals
 * marts' directories and nothing else, write no file, load no extension. Without SQL on the command line the statements come from
 * standard input, separated by semicolons, each result printed in turn.
 */
public final class QueryCommand extends Command {

    private static final List<Option> OPTIONS = List.of(
            Option.of("warehouse", "DIR", "warehouse", "the warehouse whose current runs are queried"),
            Option.of("format", "table|csv|json", "table", "an aligned table, CSV (RFC 4180) or a JSON array of objects"),
            Option.of("sql", "SQL", "statements from standard input", "the statement (or give it bare, in quotes)"));
    static final Usage USAGE = new Usage("query", "SQL over the current run of every scenario: one view per mart", 5,
            OPTIONS);

    public QueryCommand() {
        super(USAGE);
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        String format = options.get("format", "table").toLowerCase(Locale.ROOT);
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new UsageException("--format must be table, csv or json, not '" + options.get("format") + "'");
        }
        Path root = Path.of(options.get("warehouse", "warehouse"));
        WarehouseLayout layout = new WarehouseLayout(root);
        ManifestStore store = new ManifestStore(layout);
        List<RunManifest> runs = new ArrayList<>();
        if (Files.isDirectory(layout.currentDir())) {
            for (String scenario : store.scenarios()) {
                store.current(scenario).ifPresent(runs::add);
            }
        }
        Path actuals = root.resolve(ActualsMarts.DIRECTORY);
        if (runs.isEmpty() && !Files.isDirectory(actuals)) {
            throw new QueryFailed("the warehouse " + root + " has no published run; run `planwise demo` "
                    + "or `planwise project` first, or name another with --warehouse");
        }
        List<String> statements = options.has("sql") ? List.of(options.get("sql")) : statements(readStdin());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Mart mart : ProjectionMarts.ALL) {
                s.execute("CREATE VIEW " + mart.name() + " AS " + union(mart, runs, layout));
            }
            // The actuals marts as the streaming job's readers see them: exactly their current files.
            List<String> readable = new ArrayList<>();
            for (Mart mart : ActualsMarts.ALL) {
                List<Path> files = StreamingMartFiles.current(actuals.resolve(mart.name()));
                s.execute("CREATE VIEW " + mart.name() + " AS " + MartQuery.select(mart, files));
                if (!files.isEmpty()) {
                    readable.add(actuals.resolve(mart.name()).toAbsolutePath().normalize().toRealPath() + "/");
                }
            }
            if (Files.isDirectory(layout.runsDir())) {
                readable.add(layout.runsDir().toAbsolutePath().normalize().toRealPath() + "/");
            }
            StringJoiner allowed = new StringJoiner(", ", "[", "]");
            readable.forEach(dir -> allowed.add(MartQuery.literal(dir)));
            s.execute("SET allowed_directories = " + allowed);
            s.execute("SET enable_external_access = false");
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET lock_configuration = true");
            for (String sql : statements) {
                try (ResultSet rs = executeQuery(s, sql)) {
                    if (rs != null) {
                        QueryResultFormat.of(format).print(rs, out);
                    }
                }
            }
        }
    }

    private static ResultSet executeQuery(Statement s, String sql) {
        try {
            return s.execute(sql) ? s.getResultSet() : null;
        } catch (SQLException e) {
            String words = sql.strip().replaceAll("\\s+", " ");
            throw new QueryFailed("the statement '" + (words.length() > 40 ? words.substring(0, 40) + "…" : words)
                    + "' failed: " + e.getMessage().lines().findFirst().orElse("").strip(), e);
        }
    }

    /** The mart's rows of every run, by column name (runs published by older versions may order them differently). */
    private static String union(Mart mart, List<RunManifest> runs, WarehouseLayout layout) {
        StringJoiner union = new StringJoiner(" UNION ALL BY NAME ");
        for (RunManifest run : runs) {
            if (run.marts().containsKey(mart.name())) {
                union.add("(" + MartQuery.select(mart, run.marts().get(mart.name()), layout) + ")");
            }
        }
        return union.length() == 0 ? MartQuery.select(mart, List.of()) : union.toString();
    }

    private static String readStdin() {
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                    .reduce("", (a, b) -> a + b + "\n");
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("standard input cannot be read: " + e.getMessage(), e);
        }
    }

    /** Statements separated by semicolons outside quotes and {@code --} comments; blank ones dropped. */
    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean comment = false;
        char previous = 0;
        for (char ch : text.toCharArray()) {
            char before = previous;
            previous = ch;
            if (comment) {
                comment = ch != '\n';
            } else if (quote == 0 && ch == '-' && before == '-') {
                comment = true;
            } else if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == ';') {
                add(statements, current);
                continue;
            }
            current.append(ch);
        }
        add(statements, current);
        if (statements.isEmpty()) {
            throw new UsageException("no SQL: give a statement, e.g. planwise query \"SELECT * FROM fct_workforce_summary\","
                    + " or pipe statements into standard input");
        }
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            statements.add(s);
        }
        current.setLength(0);
    }

    /** A statement DuckDB refused, or nothing to query: its message is the one error line. */
    static final class QueryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueryFailed(String message) {
            super(message);
        }

        QueryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How a result is printed. */
    enum QueryResultFormat {
        TABLE, CSV, JSON;

        static QueryResultFormat of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        void print(ResultSet rs, PrintStream out) throws SQLException, IOException {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            List<Boolean> numeric = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(meta.getColumnLabel(i));
                String type = meta.getColumnTypeName(i).toUpperCase(Locale.ROOT);
                numeric.add(type.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DECIMAL.*|DOUBLE|FLOAT|REAL)"));
            }
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row[i - 1] = v == null ? null : v.toString();
                }
                rows.add(row);
            }
            switch (this) {
                case TABLE -> table(out, names, numeric, rows);
                case CSV -> csv(out, names, rows);
                case JSON -> json(out, names, numeric, rows);
            }
        }

        /** Aligned columns, numbers to the right, NULL shown as NULL; then the row count. */
        private static void table(PrintStream out, List<String> names, List<Boolean> numeric, List<String[]> rows) {
            int n = names.size();
            int[] width = new int[n];
            for (int i = 0; i < n; i++) {
                width[i] = names.get(i).length();
                for (String[] r : rows) {
                    width[i] = Math.max(width[i], r[i] == null ? 4 : r[i].length());
                }
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : "  ").append(pad(names.get(i), width[i], numeric.get(i)));
            }
            out.println(line.toString().stripTrailing());
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
            }
            out.println(line);
            for (String[] r : rows) {
                line.setLength(0);
                for (int i = 0; i < n; i++) {
                    line.append(i == 0 ? "" : "  ").append(pad(r[i] == null ? "NULL" : r[i], width[i], numeric.get(i)));
                }
                out.println(line.toString().stripTrailing());
            }
            out.printf("(%,d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
        }

        private static String pad(String s, int width, boolean right) {
            String fill = " ".repeat(Math.max(0, width - s.length()));
            return right ? fill + s : s + fill;
        }

        private static void csv(PrintStream out, List<String> names, List<String[]> rows) {
            out.print(String.join(",", names.stream().map(QueryResultFormat::csvField).toList()) + "\r\n");
            for (String[] r : rows) {
                StringJoiner line = new StringJoiner(",");
                for (String v : r) {
                    line.add(v == null ? "" : csvField(v));
                }
                out.print(line + "\r\n");
            }
        }

        private static String csvField(String v) {
            return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
        }

        private static void json(PrintStream out, List<String> names, List<Boolean> numeric, List<String[]> rows) {
            StringBuilder s = new StringBuilder("[");
            for (int r = 0; r < rows.size(); r++) {
                s.append(r == 0 ? "\n  {" : ",\n  {");
                for (int i = 0; i < names.size(); i++) {
                    String v = rows.get(r)[i];
                    s.append(i == 0 ? "" : ", ").append(jsonString(names.get(i))).append(": ");
                    if (v == null) {
                        s.append("null");
                    } else if (numeric.get(i) && !v.equals("NaN") && !v.contains("Infinity")) {
                        s.append(v);
                    } else if (v.equals("true") || v.equals("false")) {
                        s.append(v);
                    } else {
                        s.append(jsonString(v));
                    }
                }
                s.append('}');
            }
            out.println(s.append(rows.isEmpty() ? "]" : "\n]"));
        }

        private static String jsonString(String v) {
            StringBuilder s = new StringBuilder("\"");
            for (char ch : v.toCharArray()) {
                switch (ch) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            s.append(String.format("\\u%04x", (int) ch));
                        } else {
                            s.append(ch);
                        }
                    }
                }
            }
            return s.append('"').toString();
        }
    }
}
