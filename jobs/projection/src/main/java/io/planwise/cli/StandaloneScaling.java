package io.planwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times one projection on a standalone Flink cluster of N task managers with one slot each, started
 * on this machine by {@code jobs/projection/scripts/standalone-cluster.sh} (the same script the
 * cluster test uses) and stopped afterwards. The job is submitted twice and the figure is the second
 * job's own duration as the REST API reports it (the first warms the fresh cluster, as a session
 * cluster that has run jobs before is warm: the cluster runs from the same jar and loads classes
 * parent-first, so the model and the Parquet writer stay compiled from one job to the next), so
 * cluster start-up and jar upload are left out. Each task manager is pinned to a core
 * of its own (taskset): unpinned, a one-slot task manager on an otherwise idle machine runs its
 * garbage collector and JIT compiler on the other cores, and "one task manager" would not mean one
 * core's worth of work.
 */
final class StandaloneScaling {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Path moduleDir;

    StandaloneScaling(Path dir) throws URISyntaxException {
        this.dir = dir.toAbsolutePath();
        this.moduleDir = moduleDirectory();
    }

    /**
     * The projection module of the repository this build came from: the job jar lives in
     * jobs/projection/target, the cluster script in jobs/projection/scripts, the launcher two levels up.
     */
    static Path moduleDirectory() throws URISyntaxException {
        Path jar = Path.of(StandaloneScaling.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent();
    }

    /**
     * Task manager process size for a census of {@code employees} over {@code years}: Flink's own 2 GB
     * (network buffers, framework, JVM overhead) plus what one task holds. A task keeps the baseline
     * and two years of workforce (≈ 600 bytes an employee) and, in a BATCH job, every year's open
     * Parquet part files with their unflushed row groups (≈ 40 bytes a detail row, all years); 500
     * bytes per employee-year covers both with room for the garbage collector. A 3 GB task manager
     * ran out of heap and missed its heartbeats on a 1,000,000 × 10 run.
     */
    static long taskManagerMegabytes(long employees, long years) {
        return Math.max(3072, 2048 + employees * years * 500 / (1024 * 1024));
    }

    /**
     * One job's duration and its stages, as the REST API reports them: each job vertex (a chain of
     * operators, a BATCH stage) with its start after the job's start and its own duration.
     */
    record ClusterRun(double seconds, double firstJobSeconds, List<String> stages) {}

    ClusterRun run(int taskManagers, Path census, long employees, long trials, long years) throws Exception {
        Path script = moduleDir.resolve("scripts/standalone-cluster.sh");
        Path jar = moduleDir.resolve("target/planwise.jar");
        if (!Files.isRegularFile(script) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("--cluster needs the repository build: " + script + " and " + jar);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> env = List.of("WAIT_SECONDS=3600", "TASK_MANAGERS=" + taskManagers, "SLOTS=1",
                "TM_MEMORY=" + taskManagerMegabytes(employees, years) + "m", "PIN_TASK_MANAGERS=1",
                "PARALLELISM=" + taskManagers, "REST_PORT=" + port, "CLUSTER_DIR=" + dir.resolve("tm" + taskManagers));
        try {
            script(env, script, 4, "start");
            JsonNode first = null;
            JsonNode answer = null;
            for (int submission = 0; submission < 2; submission++) {
                String job = script(env, script, 2, "submit", jar.toString(), "project", "--census",
                        census.toAbsolutePath().toString(), "--warehouse", dir.resolve("warehouse").toString(), "--scenario",
                        "bench-cluster", "--start-year", "2025", "--end-year", Long.toString(2025 + years - 1), "--trials",
                        Long.toString(trials)).trim();
                script(env, script, 60, "wait", job);
                first = answer;
                answer = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/jobs/" + job)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            long jobStart = answer.path("start-time").asLong();
            List<JsonNode> vertices = new ArrayList<>();
            answer.path("vertices").forEach(vertices::add);
            vertices.sort(java.util.Comparator.comparingLong(v -> v.path("start-time").asLong()));
            List<String> stages = new ArrayList<>();
            for (JsonNode v : vertices) {
                String name = v.path("name").asText();
                stages.add(String.format("  +%6.1f s %6.1f s  %s", (v.path("start-time").asLong() - jobStart) / 1000.0,
                        v.path("duration").asLong() / 1000.0, name.length() > 100 ? name.substring(0, 99) + "…" : name));
            }
            return new ClusterRun(answer.path("duration").asLong() / 1000.0, first.path("duration").asLong() / 1000.0,
                    stages);
        } finally {
            script(env, script, 2, "stop");
        }
    }

    private static String script(List<String> env, Path script, int minutes, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env"));
        command.addAll(env);
        command.addAll(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try (var in = p.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("standalone-cluster.sh " + args[0] + " did not finish in " + minutes + " min");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("standalone-cluster.sh " + args[0] + " failed: " + text.strip());
        }
        return text;
    }
}
