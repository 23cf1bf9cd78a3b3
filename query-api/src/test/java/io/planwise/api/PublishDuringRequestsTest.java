package io.planwise.api;

import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients hammer the API while the base scenario's manifest is published back and forth between two
 * real runs with different figures: every answer must be entirely one run's, the one its ETag and
 * run_id name, and both runs must be seen without a restart.
 */
class PublishDuringRequestsTest {

    @TempDir
    Path dir;

    /** Endpoints that read one, two or three marts (and two scenarios for compare). */
    private static final List<String> PATHS = List.of(
            "/api/v1/scenarios/base/summary",
            "/api/v1/scenarios/base/summary?by=level",
            "/api/v1/scenarios/base/needs",
            "/api/v1/scenarios/base/events?year=2026&event_type=hire&limit=50",
            "/api/v1/compare?scenarios=base,alt",
            "/api/v1/status");

    @Test
    void everyAnswerComesFromExactlyOneRun() throws Exception {
        TestWarehouse warehouse = TestWarehouse.copy(dir.resolve("wh"));
        ManifestStore manifests = warehouse.manifests();
        RunManifest a = warehouse.baseRunA;
        RunManifest b = warehouse.baseRunB;
        // Every mart read from Parquet and no answer cache: each request really reads the run's files.
        ServerOptions o = RunningServer.overParquet(warehouse.root, warehouse.keys);
        try (RunningServer server = RunningServer.start(o.withPollInterval(Duration.ofMillis(50)))) {
            ApiClient api = server.client;
            List<String> paths = new ArrayList<>(PATHS);
            paths.add("/api/v1/scenarios/base/employees/" + employeeWhoseHistoryDiffers(api, manifests, a, b));

            // What each endpoint answers for each run, taken while that run is current.
            Map<String, Map<String, JsonNode>> expected = new ConcurrentHashMap<>();
            for (RunManifest run : List.of(a, b)) {
                manifests.publish(run);
                for (String path : paths) {
                    ApiClient.Reply r = api.get(path, "X-API-Key", ALPHA_KEY);
                    assertThat(r.status()).as(path).isEqualTo(200);
                    assertThat(baseRunOf(path, r.json())).as("visible without restart: " + path).isEqualTo(run.runId());
                    expected.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(run.runId(), data(path, r.json()));
                }
            }
            for (String path : paths) {
                assertThat(expected.get(path).get(a.runId())).as("the two runs differ: " + path)
                        .isNotEqualTo(expected.get(path).get(b.runId()));
            }

            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            Map<String, Set<String>> seen = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int offset = t;
                done.add(clients.submit(() -> {
                    int n = 0;
                    while (publishing.get()) {
                        String path = paths.get((offset + n++) % paths.size());
                        ApiClient.Reply r = api.get(path, "X-API-Key", ALPHA_KEY);
                        answered.incrementAndGet();
                        if (r.status() != 200) {
                            failures.add(path + " -> " + r.status() + " " + r.body());
                            continue;
                        }
                        JsonNode body = r.json();
                        String run = baseRunOf(path, body);
                        seen.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(run);
                        if (!path.contains("compare") && !path.contains("status")
                                && !r.header("ETag").equals("\"" + run + "\"")) {
                            failures.add(path + ": ETag " + r.header("ETag") + " but run_id " + run);
                        }
                        JsonNode want = expected.get(path).get(run);
                        if (want == null || !want.equals(data(path, body))) {
                            failures.add(path + ": data is not run " + run + "'s");
                        }
                    }
                    return n;
                }));
            }
            // Publish back and forth until enough answers straddled publishes, however slow the machine.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; (i < 40 || answered.get() < 300) && System.nanoTime() < giveUp; i++) {
                manifests.publish(i % 2 == 0 ? a : b);
                Thread.sleep(15);
            }
            publishing.set(false);
            int requests = 0;
            for (Future<Integer> f : done) {
                requests += f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();

            assertThat(failures).isEmpty();
            assertThat(requests).isGreaterThanOrEqualTo(300);
            for (String path : paths) {
                assertThat(seen.get(path)).as(path).contains(a.runId(), b.runId());
            }
            // The run no longer current loses its relations once idle.
            manifests.publish(b);
            server.server.scanNow();
            assertThat(server.server.catalog().runs()).contains("base/" + b.runId())
                    .doesNotContain("base/" + a.runId());
        }
    }

    /** An employee whose history differs between the runs, so the check below can tell them apart. */
    private static String employeeWhoseHistoryDiffers(ApiClient api, ManifestStore manifests, RunManifest a,
            RunManifest b) {
        manifests.publish(a);
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/scenarios/base/snapshot?year=2025&limit=50", "X-API-Key", ALPHA_KEY).json().get("rows")
                .forEach(r -> ids.add(r.get("employee_id").asText()));
        List<JsonNode> underA = new ArrayList<>();
        for (String id : ids) {
            underA.add(data("employees", api.get("/api/v1/scenarios/base/employees/" + id, "X-API-Key", ALPHA_KEY).json()));
        }
        manifests.publish(b);
        for (int i = 0; i < ids.size(); i++) {
            JsonNode underB = data("employees",
                    api.get("/api/v1/scenarios/base/employees/" + ids.get(i), "X-API-Key", ALPHA_KEY).json());
            if (!underB.equals(underA.get(i))) {
                return ids.get(i);
            }
        }
        throw new AssertionError("All 50 employees have the same history in both runs.");
    }

    /** The run of the base scenario an answer says it came from. */
    private static String baseRunOf(String path, JsonNode body) {
        if (path.contains("compare")) {
            return body.get("scenarios").get(0).get("run_id").asText();
        }
        if (path.contains("status")) {
            return body.get("scenarios").get(1).get("run_id").asText();
        }
        return body.get("run_id").asText();
    }

    /** The part of an answer that must match the run: rows, or per-mart counts for status. */
    private static JsonNode data(String path, JsonNode body) {
        if (path.contains("status")) {
            return body.get("scenarios").get(1).get("marts");
        }
        if (path.contains("employees")) {
            return ((ObjectNode) body.deepCopy()).without(List.of("run_id", "published_at"));
        }
        return body.get("rows");
    }
}
