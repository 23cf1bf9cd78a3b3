package io.planwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.census.SyntheticCensus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front end alone, with an engine that only records what it was asked: every input mistake
 * must end in one line and an exit status before any engine starts.
 */
class FrontEndTest {
    @TempDir
    Path tmp;

    private final List<ProjectRequest> requests = new ArrayList<>();
    private PlanwiseCli cli;
    private Path census;

    /** Records the request instead of projecting; a real engine is tested in the engines' modules. */
    private class RecordingEngine implements ProjectionEngine {
        @Override
        public String name() {
            return "flink";
        }

        @Override
        public String describe(int parallelism) {
            return "recording engine";
        }

        @Override
        public ProjectionRun project(ProjectRequest request, PrintStream out) {
            requests.add(request);
            return new ProjectionRun(request.config().scenarioId(), request.runId(), tmp, null, Duration.ZERO, "job-1");
        }
    }

    record Outcome(int exit, String out, String err) {}

    @BeforeEach
    void setUp() throws Exception {
        cli = new PlanwiseCli(List.of(new ProjectCommand(new ProjectionEngines(List.of(new RecordingEngine()))),
                new DemoCommand()), false);
        census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(3, LocalDate.of(2024, 12, 31)).writeCsv(20, w);
        }
    }

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertOneErrorLine(Outcome o, int exit, String... contains) {
        assertThat(o.exit()).as("exit status; stderr: %s", o.err()).isEqualTo(exit);
        assertThat(o.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(o.err()).startsWith("planwise: error: ").contains(contains);
        assertThat(requests).as("engine runs").isEmpty();
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndExitsZero() {
        for (String flag : List.of("--help", "-h")) {
            Outcome help = run("project", flag);
            assertThat(help.exit()).isZero();
            assertThat(help.err()).isEmpty();
            for (Option o : ProjectCommand.OPTIONS) {
                assertThat(help.out()).contains("--" + o.name() + " " + o.value());
                if (o.defaultValue() != null) {
                    assertThat(help.out()).contains("(default: " + o.defaultValue() + ")");
                }
            }
        }
        assertThat(run("demo", "-h").out()).contains("--employees N", "(default: 5000)", "--engine flink|sql");
        Outcome overview = run("--help");
        assertThat(overview.exit()).isZero();
        assertThat(overview.out()).contains("project", "demo", "--verbose");
        assertThat(run().exit()).as("no command at all").isEqualTo(2);
    }

    @Test
    void aCensusWithoutARequiredColumnIsNamedWithItsHeaderBeforeAnyEngineStarts() throws Exception {
        Path bad = tmp.resolve("no_hire_date.csv");
        Files.writeString(bad, "employee_id,employee_birth_date,employee_gross_compensation\nE1,1980-01-01,50000\n");
        assertOneErrorLine(run("project", "--census", bad.toString(), "--warehouse", tmp.resolve("wh").toString()), 1,
                "lacks required column(s) employee_hire_date",
                "its header has: employee_id, employee_birth_date, employee_gross_compensation");
    }

    @Test
    void optionValuesAreExplainedInWordsAPlannerUnderstands() {
        assertOneErrorLine(run("project", "--census", census.toString(), "--parallelism", "0"), 2,
                "--parallelism is how many tasks run at once, so it must be a whole number of at least 1; got 0");
        assertOneErrorLine(run("project", "--census", census.toString(), "--parallelism", "two"), 2,
                "--parallelism must be a whole number, got 'two'");
        assertOneErrorLine(run("project", "--census", census.toString(), "--engine", "spark"), 2, "--engine must be flink or sql");
        assertOneErrorLine(run("project", "--census", census.toString(), "--seed", "1", "--seed", "2"), 2, "given twice");
        assertOneErrorLine(run("project", "--census", tmp.resolve("missing.csv").toString()), 2, "does not exist");
        assertOneErrorLine(run("project", "--census", tmp.resolve("census.txt").toString()), 2, "does not exist");
        assertOneErrorLine(run("projekt"), 2, "unknown command 'projekt'", "planwise --help lists the commands");
        assertOneErrorLine(run("project", "--census", census.toString(), "--colour", "red"), 2, "unknown option --colour",
                "planwise project --help lists its options");
    }

    @Test
    void configMistakesNameTheFileTheLineAndTheKey() throws Exception {
        Path malformed = Files.writeString(tmp.resolve("malformed.yaml"), "simulation:\n  start_year: [2025\n");
        assertOneErrorLine(run("project", "--census", census.toString(), "--config", malformed.toString()), 1,
                "malformed.yaml");
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "simulaton:\n  target_growth_rate: 0.05\n");
        assertOneErrorLine(run("project", "--census", census.toString(), "--config", typo.toString()), 1,
                "typo.yaml", "simulaton: did you mean simulation?", "line 1");
        Path range = Files.writeString(tmp.resolve("range.yaml"), "simulation:\n  target_growth_rate: 7\n");
        assertOneErrorLine(run("project", "--census", census.toString(), "--config", range.toString()), 1,
                "range.yaml", "simulation.target_growth_rate");
    }

    @Test
    void anUnwritableWarehouseIsRefusedBeforeTheRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("a_file"), "not a directory");
        assertOneErrorLine(run("project", "--census", census.toString(), "--warehouse", file.resolve("wh").toString()), 1,
                "the warehouse directory", "is not writable");
    }

    @Test
    void theStackTraceComesOnlyWhenAskedFor() throws Exception {
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "simulaton:\n  target_growth_rate: 0.05\n");
        Outcome verbose = run("project", "--census", census.toString(), "--config", typo.toString(), "--verbose");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err().lines().findFirst().orElseThrow()).startsWith("planwise: error: ");
        assertThat(verbose.err().lines().count()).isGreaterThan(3);
        assertThat(verbose.err()).contains("\tat io.planwise.");
    }

    @Test
    void onAClusterWithoutParallelismTheSubmissionDecides() {
        cli = new PlanwiseCli(List.of(new ProjectCommand(new ProjectionEngines(List.of(new RecordingEngine() {
            @Override
            public Integer defaultParallelism() {
                return null;
            }
        })))), false);
        Outcome ok = run("project", "--census", census.toString(), "--warehouse", tmp.resolve("wh").toString());
        assertThat(ok.exit()).as("stderr: %s", ok.err()).isZero();
        assertThat(requests).singleElement().extracting(ProjectRequest::parallelism).isNull();
    }

    @Test
    void aGoodRequestReachesTheEngineWithTheCommandLineApplied() {
        Outcome ok = run("project", "--census", census.toString(), "--warehouse", tmp.resolve("wh").toString(),
                "--scenario", "cli", "--start-year", "2026", "--end-year", "2027", "--seed", "9", "--parallelism", "3");
        assertThat(ok.exit()).as("stderr: %s", ok.err()).isZero();
        assertThat(requests).hasSize(1);
        ProjectRequest r = requests.get(0);
        assertThat(r.config().scenarioId()).isEqualTo("cli");
        assertThat(r.config().startYear()).isEqualTo(2026);
        assertThat(r.config().endYear()).isEqualTo(2027);
        assertThat(r.config().randomSeed()).isEqualTo(9);
        assertThat(r.parallelism()).isEqualTo(3);
        assertThat(r.censusFile()).isEqualTo(census.toAbsolutePath().normalize());
        assertThat(ok.out()).contains("submitted job job-1 (detached)");
    }
}
