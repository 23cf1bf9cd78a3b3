package io.planwise.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import io.planwise.testing.MartReader;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar on a real standalone Flink cluster: one JobManager and two TaskManager
 * processes started by jobs/projection/scripts/standalone-cluster.sh, the jar submitted through the
 * REST API at parallelism 4, as an ensemble (12 trials, 2 with events and snapshots). Its marts,
 * bands included, must equal an embedded run's at parallelism 2, one custom metric is read back
 * through the REST API while the job runs, and every process started is stopped.
 */
class StandaloneClusterIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("scripts/standalone-cluster.sh");
    private static final Path JAR = MODULE.resolve("target/planwise.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path dir;
    private static int port;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = Files.createDirectories(MODULE.resolve("target/cluster-it"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        script(Duration.ofMinutes(3), "start");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        script(Duration.ofMinutes(1), "stop");
        try (var pids = Files.list(dir)) {
            assertThat(pids.filter(p -> p.toString().endsWith(".pid")).toList()).isEmpty();
        }
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(dir.resolve("conf").toString()))).as("cluster processes left running").isEmpty();
    }

    @Test
    void theJobJarOnAClusterPublishesTheSameMartsAsAnEmbeddedRun() throws Exception {
        Path census = dir.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(21, LocalDate.of(2024, 12, 31)).writeCsv(20_000, w);
        }
        Path clusterWarehouse = dir.resolve("warehouse-cluster");
        String jobId = script(Duration.ofMinutes(2), "submit", JAR.toString(), "project", "--census", census.toString(),
                "--warehouse", clusterWarehouse.toString(), "--scenario", "cluster", "--end-year", "2026", "--trials", "12",
                "--detail-trials", "2").trim();
        assertThat(jobId).matches("[0-9a-f]{32}");

        double employees = readEmployeesMetricWhileRunning(jobId);
        assertThat(script(Duration.ofMinutes(5), "wait", jobId)).contains("FINISHED");
        assertThat(employees).as("employee_years read through the REST API").isPositive();

        JsonNode job = get("/jobs/" + jobId);
        assertThat(job.path("vertices").get(0).path("parallelism").asInt()).isEqualTo(4);
        long submitted = 0;
        for (JsonNode j : get("/jobs/overview").path("jobs")) {
            submitted += j.path("name").asText().contains("planwise projection · cluster") ? 1 : 0;
        }
        assertThat(submitted).as("the REST submission ran the job exactly once").isEqualTo(1);

        Path embeddedWarehouse = dir.resolve("warehouse-embedded");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = io.planwise.cli.PlanwiseCli.fromClasspath().run(new String[] {"project", "--census", census.toString(),
                "--warehouse", embeddedWarehouse.toString(), "--scenario", "cluster", "--end-year", "2026",
                "--trials", "12", "--detail-trials", "2", "--parallelism", "2"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).as(err.toString()).isZero();

        for (Mart mart : ProjectionMarts.ALL) {
            assertThat(differences(clusterWarehouse, embeddedWarehouse, mart.name())).as(mart.name()).isZero();
        }
        assertThat(rows(clusterWarehouse, "select count(distinct trial) from fct_workforce_summary")).isEqualTo(12);
        assertThat(rows(clusterWarehouse, "select count(distinct trial) from fct_yearly_events")).isEqualTo(2);
    }

    /** Polls the REST API until a running task reports its employee_years counter; returns the sum over subtasks. */
    private static double readEmployeesMetricWhileRunning(String jobId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            JsonNode job = get("/jobs/" + jobId);
            if (!job.path("state").asText().equals("RUNNING") && !job.path("state").asText().equals("CREATED")) {
                break;
            }
            for (JsonNode v : job.path("vertices")) {
                // A finished vertex keeps its metrics while the job runs; a short year may finish between polls.
                if (!List.of("RUNNING", "FINISHED").contains(v.path("status").asText())) {
                    continue;
                }
                String vertex = "/jobs/" + jobId + "/vertices/" + v.path("id").asText() + "/subtasks/metrics";
                for (JsonNode m : get(vertex)) {
                    String id = m.path("id").asText();
                    if (id.endsWith("employee_years")) {
                        JsonNode values = get(vertex + "?get=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                        if (values.size() > 0 && values.get(0).path("sum").asDouble() > 0) {
                            return values.get(0).path("sum").asDouble();
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        return 0;
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static String script(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(Map.of("CLUSTER_DIR", dir.toString(), "REST_PORT", Integer.toString(port),
                "PARALLELISM", "4", "CLUSTER_CLASSPATH", System.getProperty("java.class.path")));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("script " + args[0] + " timed out").isTrue();
        assertThat(p.exitValue()).as("script " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    private static long differences(Path a, Path b, String mart) throws Exception {
        String left = files(a, mart);
        String right = files(b, mart);
        if (left.isEmpty() || right.isEmpty()) {
            return left.equals(right) ? 0 : 1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM read_parquet([" + left
                        + "]) EXCEPT ALL SELECT * FROM read_parquet([" + right + "]))) + (SELECT count(*) FROM (SELECT * FROM "
                        + "read_parquet([" + right + "]) EXCEPT ALL SELECT * FROM read_parquet([" + left + "])))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long rows(Path warehouse, String sql) throws Exception {
        return MartReader.count(new ManifestStore(new WarehouseLayout(warehouse)).current("cluster").orElseThrow(),
                warehouse, sql);
    }

    private static String files(Path warehouse, String mart) {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        RunManifest m = new ManifestStore(layout).current("cluster").orElseThrow();
        return m.filesOf(mart, layout).stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
    }
}
