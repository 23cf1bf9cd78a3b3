package io.planwise.api;

import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The employee index changes how fast a history comes, never what it says: a server that indexes
 * every run ({@code --employee-index-rows 0}) answers every lookup byte for byte like one that reads
 * Parquet, before and after a publish replaces the run, and leaves nothing in its work directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployeeIndexTest {

    private static final Duration BUILD = Duration.ofSeconds(60);

    private TestWarehouse warehouse;
    private Path work;
    private Path abandoned;
    private RunningServer plain;
    private RunningServer indexed;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        warehouse = TestWarehouse.copy(tmp.resolve("wh"));
        work = tmp.resolve("work");
        // Left by a server that was killed: a pid no process has.
        abandoned = work.resolve("planwise-api-" + Integer.MAX_VALUE);
        Files.createDirectories(abandoned.resolve("spill"));
        Files.writeString(abandoned.resolve("employee_index.duckdb"), "stale");
        ServerOptions base = RunningServer.overParquet(warehouse.root, warehouse.keys);
        plain = RunningServer.start(base.withEmployeeIndexRows(-1));
        indexed = RunningServer.start(new ServerOptions(base.warehouse(), base.host(), 0, base.keysFile(), false,
                base.queryTimeout(), base.connections(), base.memoryLimit(), Duration.ofMillis(50), 0, 0, work, 0));
    }

    @AfterAll
    void stop() {
        if (plain != null) {
            plain.close();
        }
        if (indexed != null) {
            indexed.close();
        }
    }

    @Test
    void indexedLookupsAnswerExactlyWhatParquetLookupsAnswer() throws Exception {
        assertThat(abandoned).as("a dead server's directory is removed at start").doesNotExist();
        Path dir = indexed.server.workDirectory().orElseThrow();
        assertThat(plain.server.workDirectory()).as("no index, nothing written").isEmpty();
        // Every run the server prepares is queued; a lookup waits for nothing, so wait for the copies here.
        indexed.client.get("/api/v1/scenarios/base/summary", "X-API-Key", ALPHA_KEY);
        assertThat(indexed.server.awaitEmployeeIndex(BUILD)).isTrue();
        assertThat(dir.resolve(EmployeeIndex.CATALOG + ".duckdb")).exists();
        assertThat(indexed.server.employeeIndexedRuns()).contains("base/" + warehouse.baseRunB.runId());
        assertSameHistories(employees());

        // A publish replaces the run: the new run gets its own copy, the old one's is dropped once idle.
        warehouse.manifests().publish(warehouse.baseRunA);
        indexed.server.scanNow();
        plain.server.scanNow();
        indexed.client.get("/api/v1/scenarios/base/summary", "X-API-Key", ALPHA_KEY);
        assertThat(indexed.server.awaitEmployeeIndex(BUILD)).isTrue();
        assertThat(indexed.client.get("/api/v1/scenarios/base/summary", "X-API-Key", ALPHA_KEY).header("ETag"))
                .contains(warehouse.baseRunA.runId());
        assertThat(indexed.server.employeeIndexedRuns()).contains("base/" + warehouse.baseRunA.runId());
        assertSameHistories(employees());
        warehouse.manifests().publish(warehouse.baseRunB);
    }

    @Test
    void stoppingTheServerDeletesItsWorkDirectory(@TempDir Path tmp) {
        ServerOptions base = RunningServer.overParquet(warehouse.root, warehouse.keys);
        Path own = tmp.resolve("work");
        RunningServer server = RunningServer.start(new ServerOptions(base.warehouse(), base.host(), 0, base.keysFile(),
                false, base.queryTimeout(), base.connections(), base.memoryLimit(), base.pollInterval(), 0, 0, own, 0));
        Path dir;
        try {
            dir = server.server.workDirectory().orElseThrow();
            assertThat(server.client.get("/api/v1/scenarios/base/employees/" + employees().get(0), "X-API-Key",
                    ALPHA_KEY).status()).isEqualTo(200);
            assertThat(dir).isDirectory();
        } finally {
            server.close();
        }
        assertThat(dir).doesNotExist();
    }

    /** Ids from both marts and both kinds: census employees and new hires (whose ids share a long prefix). */
    private List<String> employees() {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode hires = plain.client.get("/api/v1/scenarios/base/events?event_type=hire&limit=5&columns=employee_id",
                "X-API-Key", ALPHA_KEY).json();
        hires.get("rows").forEach(r -> ids.add(r.get("employee_id").asText()));
        JsonNode snapshot = plain.client.get("/api/v1/scenarios/base/snapshot?limit=5&columns=employee_id&year="
                + TestWarehouse.FIRST_YEAR, "X-API-Key", ALPHA_KEY).json();
        snapshot.get("rows").forEach(r -> ids.add(r.get("employee_id").asText()));
        JsonNode terminated = plain.client.get("/api/v1/scenarios/base/events?event_type=termination&limit=3"
                + "&columns=employee_id", "X-API-Key", ALPHA_KEY).json();
        terminated.get("rows").forEach(r -> ids.add(r.get("employee_id").asText()));
        assertThat(ids).hasSizeGreaterThan(8);
        return new ArrayList<>(ids);
    }

    private void assertSameHistories(List<String> ids) {
        List<String> all = new ArrayList<>(ids);
        all.add("no_such_employee");
        for (String id : all) {
            ApiClient.Reply expected = plain.client.get("/api/v1/scenarios/base/employees/" + id, "X-API-Key", ALPHA_KEY);
            ApiClient.Reply actual = indexed.client.get("/api/v1/scenarios/base/employees/" + id, "X-API-Key", ALPHA_KEY);
            assertThat(actual.status()).as(id).isEqualTo(expected.status());
            assertThat(actual.body()).as(id).isEqualTo(expected.body());
            if (!id.equals("no_such_employee")) {
                assertThat(actual.json().get("snapshots").size() + actual.json().get("events").size()).as(id).isPositive();
            }
        }
    }
}
