package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planwise.cli.PlanwiseCli;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planwise query} over a warehouse the SQL engine published: two scenarios, one of them
 * published twice, every answer checked against DuckDB reading the current manifests' files itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCommandTest {

    private Path warehouse;
    private RunManifest a;
    private RunManifest b;

    private record Outcome(int status, String out, String err) {}

    @BeforeAll
    void publish(@TempDir Path tmp) throws Exception {
        Path census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(5, LocalDate.of(2024, 12, 31)).writeCsv(600, w);
        }
        warehouse = tmp.resolve("wh");
        for (String[] run : List.of(new String[] {"a", "1"}, new String[] {"b", "2"}, new String[] {"a", "3"})) {
            Outcome o = cli(null, "project", "--engine", "sql", "--census", census.toString(), "--warehouse",
                    warehouse.toString(), "--scenario", run[0], "--end-year", "2027", "--seed", run[1]);
            assertThat(o.status()).as(o.err()).isZero();
        }
        ManifestStore store = new ManifestStore(new WarehouseLayout(warehouse));
        a = store.current("a").orElseThrow();
        b = store.current("b").orElseThrow();
    }

    private Outcome cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream original = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int status = PlanwiseCli.fromClasspath().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(original);
        }
    }

    /** What DuckDB finds in the current run's files of a mart, read without the command. */
    private long[] countAndSum(RunManifest run, String column) throws Exception {
        String select = MartQuery.select(ProjectionMarts.SUMMARY, run.marts().get(ProjectionMarts.SUMMARY.name()),
                new WarehouseLayout(warehouse));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(" + column + ") FROM (" + select + ")")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @Test
    void viewsHoldTheCurrentRunOfEveryScenarioAsATable() throws Exception {
        Outcome o = cli(null, "query", "--warehouse", warehouse.toString(), "SELECT scenario_id, count(*) AS n, "
                + "sum(hires) AS hires FROM fct_workforce_summary GROUP BY 1 ORDER BY 1");
        assertThat(o.status()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).matches("scenario_id\\s+n\\s+hires");
        assertThat(lines.get(1)).matches("-+\\s+-+\\s+-+");
        long[] ea = countAndSum(a, "hires");
        long[] eb = countAndSum(b, "hires");
        assertThat(lines.get(2).split("\\s+")).containsExactly("a", String.valueOf(ea[0]), String.valueOf(ea[1]));
        assertThat(lines.get(3).split("\\s+")).containsExactly("b", String.valueOf(eb[0]), String.valueOf(eb[1]));
        assertThat(lines.get(4)).isEqualTo("(2 rows)");
        // Numbers are right-aligned: the header of a number column ends where its values end.
        assertThat(lines.get(0).length()).isEqualTo(lines.get(2).length());
    }

    @Test
    void csvAndJsonCarryTheSameRows() throws Exception {
        String sql = "SELECT scenario_id, simulation_year, sum(ending_headcount) AS ending_headcount "
                + "FROM fct_workforce_summary WHERE trial = 0 GROUP BY 1, 2 ORDER BY 1, 2";
        Outcome csv = cli(null, "query", "--warehouse", warehouse.toString(), "--format", "csv", sql);
        Outcome json = cli(null, "query", "--warehouse", warehouse.toString(), "--format", "json", "--sql", sql);
        assertThat(csv.status()).as(csv.err()).isZero();
        assertThat(json.status()).as(json.err()).isZero();
        List<String> rows = csv.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("scenario_id,simulation_year,ending_headcount");
        JsonNode parsed = new ObjectMapper().readTree(json.out());
        assertThat(parsed).hasSize(rows.size() - 1).hasSize(6);
        for (int i = 0; i < parsed.size(); i++) {
            JsonNode r = parsed.get(i);
            assertThat(r.get("simulation_year").isNumber()).isTrue();
            assertThat(rows.get(i + 1)).isEqualTo(r.get("scenario_id").asText() + "," + r.get("simulation_year").asInt()
                    + "," + r.get("ending_headcount").asLong());
        }
    }

    @Test
    void statementsFromStandardInputEachPrintTheirResult() {
        Outcome o = cli("SELECT 1 AS one;\n-- a comment line; with a semicolon\nSELECT 'x;y' AS two;\n", "query",
                "--warehouse", warehouse.toString());
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.out()).contains("one", "two", "x;y");
        assertThat(o.out().lines().filter(l -> l.equals("(1 row)")).count()).isEqualTo(2);
    }

    @Test
    void nothingOutsideThePublishedRunsCanBeReadOrWritten(@TempDir Path tmp) {
        Path target = tmp.resolve("copy.csv");
        for (String sql : List.of("COPY (SELECT 1) TO '" + target + "'", "SELECT * FROM read_csv('/etc/passwd')",
                "SET enable_external_access = true", "INSTALL httpfs")) {
            Outcome o = cli(null, "query", "--warehouse", warehouse.toString(), sql);
            assertThat(o.status()).as(sql).isEqualTo(1);
            List<String> lines = o.err().lines().toList();
            assertThat(lines).as(sql).hasSize(1);
            assertThat(lines.get(0)).startsWith("planwise: error: the statement '").doesNotContain("\tat ");
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void anEmptyWarehouseSaysWhatToRunFirst(@TempDir Path tmp) {
        Outcome o = cli(null, "query", "--warehouse", tmp.toString(), "SELECT 1");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err()).startsWith("planwise: error: the warehouse").contains("planwise demo");
    }

    @Test
    void actualsMartsAreViewsOverTheirCurrentFilesSoACompactionCountsOnce(@TempDir Path tmp) throws Exception {
        Path quarantine = tmp.resolve("wh").resolve(ActualsMarts.DIRECTORY).resolve(ActualsMarts.QUARANTINE.name());
        Files.createDirectories(quarantine);
        String rows = "SELECT i::BIGINT AS event_id, 'E' || i AS employee_id, 'hire' AS event_type, DATE '2025-01-01' AS "
                + "effective_date, NULL::DECIMAL(18,2) AS compensation, NULL::INTEGER AS level_id, NULL AS recorded_at, "
                + "'missing_compensation' AS reason, 'no salary' AS detail FROM range(%d, %d) t(i)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // Two committed files, their compaction (recorded as replacing both), and a merge nobody recorded.
            s.execute("COPY (" + rows.formatted(0, 3) + ") TO '" + quarantine.resolve("part-a-0.parquet") + "'");
            s.execute("COPY (" + rows.formatted(3, 5) + ") TO '" + quarantine.resolve("part-a-1.parquet") + "'");
            s.execute("COPY (" + rows.formatted(0, 5) + ") TO '" + quarantine.resolve("compacted-1-aa.parquet") + "'");
            s.execute("COPY (" + rows.formatted(0, 5) + ") TO '" + quarantine.resolve("compacted-2-bb.parquet") + "'");
            s.execute("COPY (" + rows.formatted(5, 6) + ") TO '" + quarantine.resolve("part-a-2.parquet") + "'");
        }
        StreamingMartFiles.write(quarantine, new StreamingMartFiles.Compactions(List.of(new StreamingMartFiles.Compaction(
                "compacted-1-aa.parquet", List.of("part-a-0.parquet", "part-a-1.parquet"), java.time.Instant.now()))));
        Outcome o = cli(null, "query", "--warehouse", tmp.resolve("wh").toString(), "--format", "csv",
                "SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM dq_hr_events_quarantine");
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.out().lines().toList()).containsExactly("n,ids", "6,6");
        Outcome empty = cli(null, "query", "--warehouse", tmp.resolve("wh").toString(), "--format", "csv",
                "SELECT count(*) AS n FROM fct_hr_events_actual");
        assertThat(empty.out().lines().toList()).as(empty.err()).containsExactly("n", "0");
    }
}
