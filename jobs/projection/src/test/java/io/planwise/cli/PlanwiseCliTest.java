package io.planwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planwise command as a user runs it: real arguments, an embedded Flink per run, real files. */
class PlanwiseCliTest {
    @TempDir
    Path tmp;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanwiseCli.fromClasspath().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void csvAndParquetCensusesOfTheSameEmployeesProjectToTheSameMarts() throws Exception {
        Path csv = tmp.resolve("census.csv");
        Path parquet = tmp.resolve("census.parquet");
        assertThat(cli("generate-census", "--employees", "800", "--seed", "5", "--out", csv.toString()).exit()).isZero();
        assertThat(cli("generate-census", "--employees", "800", "--seed", "5", "--out", parquet.toString()).exit()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(801);

        // the first port of the dashboard's range is taken: the port printed is the one Flink listens on
        Outcome fromCsv;
        int taken;
        try (java.net.ServerSocket occupied = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            taken = occupied.getLocalPort();
            fromCsv = cli("project", "--census", csv.toString(), "--warehouse", tmp.resolve("wh-csv").toString(),
                    "--end-year", "2026", "--parallelism", "2", "--scenario", "cli", "--dashboard-port", taken + "-" + (taken + 20));
        }
        Outcome fromParquet = cli("project", "--census", parquet.toString(), "--warehouse",
                tmp.resolve("wh-parquet").toString(), "--end-year", "2026", "--parallelism", "2", "--scenario", "cli");
        assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
        assertThat(fromParquet.exit()).as(fromParquet.err()).isZero();
        // what a user reads: dashboard, the summary table with one row per year, where the marts are
        java.util.regex.Matcher dashboard = java.util.regex.Pattern.compile("Flink dashboard: http://127\\.0\\.0\\.1:(\\d+) ")
                .matcher(fromCsv.out());
        assertThat(dashboard.find()).as(fromCsv.out()).isTrue();
        assertThat(Integer.parseInt(dashboard.group(1))).isGreaterThan(taken).isLessThanOrEqualTo(taken + 20);
        assertThat(fromCsv.out()).contains("census: 800 rows read",
                "checks: ", "published run", "fct_workforce_summary");
        assertThat(fromCsv.out().lines().filter(l -> l.matches("\\s+202[56]\\s+[0-9,]+\\s+.*%.*"))).hasSize(2);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String a = files(tmp.resolve("wh-csv"), "fct_workforce_snapshot");
            String b = files(tmp.resolve("wh-parquet"), "fct_workforce_snapshot");
            ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM read_parquet([" + a + "])), "
                    + "(SELECT count(*) FROM (SELECT * FROM read_parquet([" + a + "]) EXCEPT ALL SELECT * FROM read_parquet(["
                    + b + "]))), (SELECT count(*) FROM (SELECT * FROM read_parquet([" + b
                    + "]) EXCEPT ALL SELECT * FROM read_parquet([" + a + "])))");
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(1_500);
            assertThat(rs.getLong(2)).isZero();
            assertThat(rs.getLong(3)).isZero();
        }
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        Outcome unknown = cli("projekt");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().lines()).as("one line").hasSize(1);
        assertThat(unknown.err()).startsWith("planwise: error: unknown command 'projekt'");
        Outcome missing = cli("project");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("planwise: error: 'project' needs --census");
        Outcome noFile = cli("project", "--census", tmp.resolve("nope.csv").toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("does not exist");
        assertThat(cli("project", "--census", "x.csv", "--bogus", "1").err()).contains("unknown option --bogus");
    }

    @Test
    void aFailedRunSaysWhyOnItsFirstLineAndPublishesNothing() throws Exception {
        Path census = tmp.resolve("no_hire_date.csv");
        Files.writeString(census, "employee_id,employee_birth_date,employee_gross_compensation\nE1,1980-01-01,50000\n");
        Path warehouse = tmp.resolve("wh");
        Outcome failed = cli("project", "--census", census.toString(), "--warehouse", warehouse.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err().lines().findFirst().orElseThrow())
                .startsWith("planwise: error: ").contains("employee_hire_date");
        assertThat(new ManifestStore(new WarehouseLayout(warehouse)).scenarios()).isEmpty();
    }

    private static String files(Path warehouse, String mart) {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        RunManifest m = new ManifestStore(layout).current("cli").orElseThrow();
        return m.filesOf(mart, layout).stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
    }
}
