package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.cli.PlanwiseCli;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planwise project --engine sql} as a user runs it: options, summary, exit status, failures. */
class SqlProjectionCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PlanwiseCli.fromClasspath().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void projectsPublishesAndPrintsTheSummary() throws Exception {
        Path census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(3, LocalDate.of(2024, 12, 31)).writeCsv(1_500, w);
        }
        Path warehouse = tmp.resolve("wh");
        int status = run("project", "--engine", "sql", "--census", census.toString(), "--warehouse", warehouse.toString(),
                "--scenario", "cli", "--start-year", "2025", "--end-year", "2027", "--seed", "9", "--parallelism", "2");

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("census: 1,500 rows read", "checks: 25 of 25 passed", "published run",
                "fct_workforce_summary");
        assertThat(printed.lines().filter(l -> l.matches("\\s+202[5-7]\\s.*")).count()).as("summary rows").isEqualTo(3);
        RunManifest manifest = new ManifestStore(new WarehouseLayout(warehouse)).current("cli").orElseThrow();
        RunRecord record = RunRecordFile.read(new WarehouseLayout(warehouse).resolve(manifest.runDir()));
        assertThat(record.engine()).isEqualTo("sql");
        assertThat(record.status()).isEqualTo("published");
        assertThat(record.config().get("simulation.random_seed")).isEqualTo(9);
        assertThat(record.parallelism()).isEqualTo(2);
    }

    @Test
    void aCensusThatCannotBeProjectedPublishesNothingAndSaysWhyInOneLine() throws Exception {
        Path census = tmp.resolve("rejected.csv");
        Files.writeString(census, """
                employee_id,employee_birth_date,employee_hire_date,employee_gross_compensation
                E1,not a date,2010-01-01,50000
                E2,1980-01-01,2010-01-01,-5
                """);
        Path warehouse = tmp.resolve("wh");

        int status = run("project", "--engine", "sql", "--census", census.toString(), "--warehouse", warehouse.toString(),
                "--scenario", "bad");

        assertThat(status).isEqualTo(1);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("planwise: error: 2 of 2 census rows (100.0%) were rejected");
        assertThat(new ManifestStore(new WarehouseLayout(warehouse)).current("bad")).isEmpty();
        try (Stream<Path> files = Files.exists(warehouse) ? Files.walk(warehouse) : Stream.empty()) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("files written").isEmpty();
        }
    }

    @Test
    void usageErrorsExitWithStatusTwo() {
        assertThat(run("project", "--engine", "sql", "--census")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --census needs a value");
        assertThat(run("project", "--engine", "sql", "--warehouse", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'project' needs --census");
        assertThat(run("project", "--engine", "sql", "--census", tmp.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
        assertThat(run("project", "--engine", "duckdb", "--census", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--engine must be flink or sql");
        assertThat(run("project", "--engine", "sql", "--census", "x.csv", "--colour", "blue")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
    }
}
