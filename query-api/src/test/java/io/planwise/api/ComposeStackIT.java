package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The README's docker-compose block, run as written against a real Docker engine: images built on
 * this machine (docker/local-images.sh stands in for the official base images, which cannot be
 * pulled here), PostgreSQL seeded, a JobManager and two TaskManagers, the projection submitted to
 * the session cluster and published, the API answering from it, the streaming actuals job consuming
 * appended HR events exactly once, and {@code down} / {@code up} with the warehouse intact. Every
 * {@code docker-compose} line gets {@code -f docker-compose.yml -f docker-compose.loopback.yml}, so
 * all container traffic stays on the loopback interface. Without a Docker engine the test is skipped,
 * unless {@code PLANWISE_COMPOSE_TEST=required} (set by .ci/run, which starts one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ComposeStackIT {

    private static final Path ROOT = Path.of(System.getProperty("planwise.root", "..")).toAbsolutePath().normalize();
    private static final String BLOCK_MARKER = "<!-- compose-test:";
    private static final String PROJECT = "planwise-it";
    private static final String API = "http://127.0.0.1:8080";
    private static final String FLINK = "http://127.0.0.1:8081";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env = new HashMap<>();
    private Path workDir;
    private Path warehouse;
    private boolean started;

    @BeforeAll
    void engineAndImages() throws Exception {
        boolean engine;
        try {
            engine = run(List.of("docker", "info"), Duration.ofSeconds(30), false).exit == 0;
        } catch (UncheckedIOException noDockerCommand) {
            engine = false;
        }
        if (!engine) {
            if ("required".equals(System.getenv("PLANWISE_COMPOSE_TEST"))) {
                fail("PLANWISE_COMPOSE_TEST=required but no Docker engine answers `docker info`");
            }
            Assumptions.abort("no Docker engine answers `docker info`; the compose stack test needs one");
        }
        workDir = ROOT.resolve("query-api/target/compose-it");
        warehouse = workDir.resolve("warehouse");
        removeWarehouse();
        Files.createDirectories(workDir);
        env.put("PLANWISE_WAREHOUSE", warehouse.toString());
        env.put("PLANWISE_HOST_NAME", run(List.of("hostname"), Duration.ofSeconds(10), true).output.strip());
        env.put("COMPOSE_PROJECT_NAME", PROJECT);
        Path images = ROOT.resolve("docker/local-images.sh");
        run(List.of("bash", images.toString()), Duration.ofMinutes(15), true);
        // `export A=x B=y`, as the script prints it for eval
        String settings = run(List.of("bash", images.toString(), "env"), Duration.ofSeconds(10), true).output.strip();
        for (String assignment : settings.replaceFirst("^export ", "").split(" ")) {
            String[] kv = assignment.split("=", 2);
            env.put(kv[0], kv[1]);
        }
    }

    @AfterAll
    void down() {
        if (workDir == null) {
            return;
        }
        if (started) {
            run(compose("logs", "--no-color", "--tail", "40"), Duration.ofMinutes(1), false).print();
        }
        run(compose("down", "-v", "--remove-orphans"), Duration.ofMinutes(3), false);
        removeWarehouse();
    }

    @Test
    void theReadmeBlockBringsTheStackUpAndBackWithTheWarehouseIntact() throws Exception {
        List<String> block = readmeBlock();
        assertThat(block).as("the README's compose block").anyMatch(l -> l.startsWith("docker-compose up -d --build"))
                .anyMatch(l -> l.startsWith("docker-compose down")).anyMatch(l -> l.contains("append-events"));
        String appendLine = block.stream().filter(l -> l.contains("append-events")).findFirst().orElseThrow();
        int perAppend = Integer.parseInt(value(appendLine, "--generate"));
        int ups = 0;
        int expectedEvents = 0;
        String firstRun = null;
        for (String line : block) {
            if (line.startsWith("./mvnw")) {
                // the reactor has packaged both jars before this integration test runs
                assertThat(ROOT.resolve("jobs/projection/target/planwise.jar")).exists();
                assertThat(ROOT.resolve("query-api/target/planwise-api.jar")).exists();
            } else if (line.startsWith("mkdir ")) {
                // the README makes ./warehouse; here that is PLANWISE_WAREHOUSE, so the line runs in its parent
                run(List.of("bash", "-c", line), Duration.ofSeconds(30), true, workDir);
                assertThat(warehouse).isDirectory();
            } else if (line.startsWith("export ")) {
                String[] kv = line.substring("export ".length()).split("=", 2);
                env.put(kv[0], kv[1]);
            } else if (line.startsWith("curl ")) {
                String url = line.replaceAll("^curl -s \"?([^\" ]+)\"?.*$", "$1");
                assertThat(url).startsWith(API);
                if (url.endsWith("/scenarios")) {
                    JsonNode answer = await("200 from " + url, Duration.ofMinutes(2), () -> jsonIfOk(url));
                    assertThat(answer.path("rows").findValuesAsText("scenario_id")).contains("default");
                } else {
                    JsonNode answer = await("plan-vs-actual with actuals", Duration.ofMinutes(2), () -> {
                        JsonNode a = jsonIfOk(url);
                        return a != null && a.path("actuals_files").asInt() > 0 ? a : null;
                    });
                    assertThat(answer.path("row_count").asInt()).isPositive();
                }
            } else if (line.startsWith("docker-compose ")) {
                List<String> args = composeArguments(line);
                started = true;
                run(compose(args.toArray(String[]::new)), Duration.ofMinutes(8), true);
                if (args.get(0).equals("up")) {
                    ups++;
                    String run = awaitPublished(firstRun);
                    if (ups == 1) {
                        firstRun = run;
                        assertClusterRanTheProjection(run);
                    } else {
                        assertThat(warehouse.resolve("runs/default/" + firstRun)).as("the first run after down and up").isDirectory();
                        await("the actuals job resuming from its checkpoint", Duration.ofMinutes(3),
                                () -> run(compose("logs", "--no-color", "actuals"), Duration.ofMinutes(1), true).output
                                        .contains("resuming from checkpoint") ? true : null);
                        assertThat(actualEvents()).as("events after down and up").isEqualTo(new long[] {expectedEvents, expectedEvents});
                        // a second batch after the restart lands once, beside the first
                        run(compose(composeArguments(appendLine).toArray(String[]::new)), Duration.ofMinutes(3), true);
                        expectedEvents += perAppend;
                        awaitEvents(expectedEvents);
                    }
                } else if (args.get(0).equals("down")) {
                    assertThat(run(compose("ps", "-q"), Duration.ofMinutes(1), true).output.strip()).as("containers after down").isEmpty();
                } else if (line.contains("append-events")) {
                    expectedEvents += perAppend;
                    awaitEvents(expectedEvents);
                }
            } else {
                fail("the compose block has a line this test does not know how to run: " + line);
            }
        }
        assertThat(ups).isEqualTo(2);
        assertThat(expectedEvents).isEqualTo(2 * perAppend);
    }

    /** Two task managers registered, and the job that published {@code runId} finished on the cluster. */
    private void assertClusterRanTheProjection(String runId) {
        JsonNode overview = jsonIfOk(FLINK + "/overview");
        assertThat(overview.path("taskmanagers").asInt()).as("task managers").isEqualTo(2);
        // The job publishes the run from its last task, so the API can answer a moment before the
        // job itself reaches FINISHED: wait for that state, and fail on any other end.
        String state = await("the job of run " + runId + " ending", Duration.ofMinutes(2), () -> {
            JsonNode jobs = jsonIfOk(FLINK + "/jobs/overview");
            for (JsonNode j : jobs == null ? JSON.createArrayNode() : jobs.path("jobs")) {
                String s = j.path("state").asText();
                if (j.path("name").asText().contains(runId) && !s.equals("RUNNING") && !s.equals("CREATED")
                        && !s.equals("INITIALIZING")) {
                    return s;
                }
            }
            return null;
        });
        assertThat(state).as("state of the projection job on the session cluster").isEqualTo("FINISHED");
        JsonNode checks = jsonIfOk(API + "/api/v1/scenarios/default/checks");
        assertThat(checks.path("run_id").asText()).isEqualTo(runId);
        assertThat(checks.path("counts").size()).as("check names").isGreaterThan(5);
        checks.path("counts").forEach(c -> assertThat(c.path("passed").asBoolean()).as(c.toString()).isTrue());
    }

    /** Waits until scenario default has a published run other than {@code previous}; returns its id. */
    private String awaitPublished(String previous) {
        return await("a published run of scenario default", Duration.ofMinutes(6), () -> {
            JsonNode scenarios = jsonIfOk(API + "/api/v1/scenarios");
            if (scenarios == null) {
                return null;
            }
            for (JsonNode row : scenarios.path("rows")) {
                if (row.path("scenario_id").asText().equals("default") && !row.path("run_id").asText().equals(previous)) {
                    return row.path("run_id").asText();
                }
            }
            return null;
        });
    }

    /**
     * Waits until every appended event is in the actuals marts exactly once: accepted into
     * fct_hr_events_actual or quarantined with its reason (the README appends the same generated
     * batch twice, so the second one repeats hires of people already employed).
     */
    private void awaitEvents(long expected) {
        await(expected + " events in the actuals marts, each once", Duration.ofMinutes(3), () -> {
            long[] counted = actualEvents();
            assertThat(counted[0]).as("event rows (never more than appended)").isLessThanOrEqualTo(expected);
            return counted[0] == expected && counted[1] == expected ? true : null;
        });
    }

    /**
     * Rows and distinct event ids in the committed files (hidden in-progress files excluded) of
     * fct_hr_events_actual and dq_hr_events_quarantine together; a quarantined row must say why.
     */
    private long[] actualEvents() {
        List<String> events = committedFiles("fct_hr_events_actual");
        List<String> quarantine = committedFiles("dq_hr_events_quarantine");
        String sql = Stream.of(events.isEmpty() ? null : "SELECT event_id, 'accepted' AS reason FROM read_parquet(["
                        + String.join(", ", events) + "])",
                quarantine.isEmpty() ? null : "SELECT event_id, reason FROM read_parquet([" + String.join(", ", quarantine) + "])")
                .filter(java.util.Objects::nonNull).reduce((a, b) -> a + " UNION ALL " + b).orElse(null);
        if (sql == null) {
            return new long[] {0, 0};
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet r = db.createStatement().executeQuery("SELECT count(*), count(DISTINCT event_id), "
                        + "count(*) FILTER (WHERE reason IS NULL OR reason = '') FROM (" + sql + ")")) {
            r.next();
            assertThat(r.getLong(3)).as("quarantined rows without a reason").isZero();
            return new long[] {r.getLong(1), r.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> committedFiles(String mart) {
        Path dir = warehouse.resolve("actuals").resolve(mart);
        try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && n.endsWith(".parquet"))
                    .map(n -> "'" + dir.resolve(n) + "'").toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode jsonIfOk(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException notUpYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(String what, Duration limit, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The README's compose block: its command lines, comments and blank lines removed. */
    private static List<String> readmeBlock() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(BLOCK_MARKER)) {
                marker = i;
            }
        }
        assertThat(marker).as("the README's %s marker", BLOCK_MARKER).isNotNegative();
        assertThat(lines.get(marker + 1)).isEqualTo("```bash");
        List<String> block = new ArrayList<>();
        for (int i = marker + 2; !lines.get(i).equals("```"); i++) {
            String line = lines.get(i).replaceFirst("\\s+#.*$", "").strip();
            if (!line.isEmpty()) {
                block.add(line);
            }
        }
        return block;
    }

    private static String value(String line, String option) {
        Matcher m = Pattern.compile(Pattern.quote(option) + " (\\S+)").matcher(line);
        assertThat(m.find()).as("%s in %s", option, line).isTrue();
        return m.group(1);
    }

    /** The arguments of a README line {@code docker-compose ARGS…}. */
    private static List<String> composeArguments(String line) {
        return List.of(line.substring("docker-compose ".length()).split(" +"));
    }

    private List<String> compose(String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml", "-f", "docker-compose.loopback.yml"));
        command.addAll(List.of(args));
        return command;
    }

    private record Outcome(int exit, String output) {
        void print() {
            System.out.println(output);
        }
    }

    /** Runs a command in the repository root (or directory) with this test's environment; output merged, bounded in time. */
    private Outcome run(List<String> command, Duration limit, boolean mustSucceed) {
        return run(command, limit, mustSucceed, ROOT);
    }

    private Outcome run(List<String> command, Duration limit, boolean mustSucceed, Path directory) {
        try {
            Path log = Files.createTempFile("compose-it", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s:\n"
                            + Files.readString(log));
                }
                Outcome outcome = new Outcome(process.exitValue(), Files.readString(log));
                if (mustSucceed && outcome.exit != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited " + outcome.exit + ":\n" + outcome.output);
                }
                return outcome;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The containers write the warehouse as their own users; a container removes what Java may not. */
    private void removeWarehouse() {
        if (!Files.exists(warehouse)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(warehouse)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.exists(warehouse)) {
            run(List.of("docker", "run", "--rm", "--network", "none", "-v", workDir + ":/work", "planwise-local/bookworm",
                    "rm", "-rf", "/work/warehouse"), Duration.ofMinutes(1), false);
        }
    }
}
