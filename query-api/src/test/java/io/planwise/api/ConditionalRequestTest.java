package io.planwise.api;

import static io.planwise.api.TestWarehouse.ADMIN_KEY;
import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.warehouse.ManifestStore;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** ETag = run id, Last-Modified = publish time, 304 while the run is unchanged, a new tag after a publish. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalRequestTest {

    private TestWarehouse warehouse;
    private ManifestStore manifests;
    private RunningServer server;
    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path dir) {
        warehouse = TestWarehouse.copy(dir.resolve("wh"));
        manifests = warehouse.manifests();
        manifests.publish(warehouse.baseRunB);
        server = RunningServer.withKeys(warehouse.root, warehouse.keys);
        api = server.client;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private ApiClient.Reply get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-API-Key";
        all[1] = ALPHA_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.get(path, all);
    }

    @Test
    void singleScenarioAnswersCarryTheRunIdAndPublishTime() {
        String runId = warehouse.baseRunB.runId();
        for (String path : new String[] {"/api/v1/scenarios/base/summary", "/api/v1/scenarios/base/needs",
                "/api/v1/scenarios/base/events?limit=5", "/api/v1/scenarios/base/snapshot?limit=5"}) {
            ApiClient.Reply r = get(path);
            assertThat(r.header("ETag")).as(path).isEqualTo("\"" + runId + "\"");
            assertThat(r.json().get("run_id").asText()).isEqualTo(runId);
            assertThat(r.header("Last-Modified")).isEqualTo(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    warehouse.baseRunB.publishedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            assertThat(r.header("Cache-Control")).isEqualTo("private, no-cache");

            ApiClient.Reply again = get(path, "If-None-Match", r.header("ETag"));
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(r.header("ETag"));
        }
    }

    @Test
    void ifNoneMatchFollowsWeakComparisonListsAndStar() {
        String tag = "\"" + warehouse.baseRunB.runId() + "\"";
        String path = "/api/v1/scenarios/base/summary";
        assertThat(get(path, "If-None-Match", "W/" + tag).status()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "\"other\", " + tag).status()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "*").status()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "\"" + warehouse.baseRunA.runId() + "\"").status()).isEqualTo(200);
        assertThat(get(path, "If-None-Match", "garbage").status()).isEqualTo(200);
    }

    @Test
    void csvHasItsOwnTag() {
        String json = get("/api/v1/scenarios/base/summary").header("ETag");
        ApiClient.Reply csv = get("/api/v1/scenarios/base/summary?format=csv");
        assertThat(csv.header("ETag")).isNotEqualTo(json).contains(warehouse.baseRunB.runId());
        assertThat(get("/api/v1/scenarios/base/summary?format=csv", "If-None-Match", json).status()).isEqualTo(200);
        assertThat(get("/api/v1/scenarios/base/summary?format=csv", "If-None-Match", csv.header("ETag")).status())
                .isEqualTo(304);
    }

    @Test
    void answersSpanningScenariosHashTheirRunsAndDependOnTheKey() {
        ApiClient.Reply alpha = get("/api/v1/scenarios");
        ApiClient.Reply admin = api.get("/api/v1/scenarios", "X-API-Key", ADMIN_KEY);
        assertThat(alpha.header("ETag")).startsWith("\"runs-");
        assertThat(admin.header("ETag")).isNotEqualTo(alpha.header("ETag"));
        for (String path : new String[] {"/api/v1/scenarios", "/api/v1/status", "/api/v1/compare?scenarios=base,alt"}) {
            String tag = get(path).header("ETag");
            assertThat(get(path, "If-None-Match", tag).status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void aPublishChangesTheTagWithoutARestart() {
        String path = "/api/v1/scenarios/base/summary";
        String oldTag = get(path).header("ETag");
        String oldList = get("/api/v1/scenarios").header("ETag");
        try {
            manifests.publish(warehouse.baseRunA);
            ApiClient.Reply r = get(path, "If-None-Match", oldTag);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("ETag")).isEqualTo("\"" + warehouse.baseRunA.runId() + "\"");
            assertThat(r.json().get("run_id").asText()).isEqualTo(warehouse.baseRunA.runId());
            assertThat(get("/api/v1/scenarios", "If-None-Match", oldList).status()).isEqualTo(200);
        } finally {
            manifests.publish(warehouse.baseRunB);
        }
        assertThat(get(path, "If-None-Match", oldTag).status()).isEqualTo(304);
    }
}
