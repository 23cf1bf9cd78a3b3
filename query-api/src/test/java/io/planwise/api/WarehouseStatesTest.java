package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness, --no-auth and a broken manifest: the states a warehouse can be in besides healthy. */
class WarehouseStatesTest {

    @Test
    void readyOnceTheWarehouseWasRead(@TempDir Path wh) throws Exception {
        try (RunningServer server = RunningServer.withoutKeys(wh)) {
            ApiClient api = server.client;
            ApiClient.Reply starting = api.get("/ready");
            assertThat(starting.status()).isEqualTo(503);
            assertThat(starting.json().get("status").asText()).isEqualTo("starting");
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/scenarios").json().get("rows")).isEmpty();

            Files.createDirectories(wh.resolve("current"));
            server.server.scanNow();
            assertThat(api.get("/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void withoutKeysEveryScenarioIsReadableByAnyone() {
        TestWarehouse warehouse = TestWarehouse.shared();
        try (RunningServer server = RunningServer.withoutKeys(warehouse.root)) {
            ApiClient.Reply list = server.client.get("/api/v1/scenarios");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("rows")).hasSize(4); // base, alt, tenant_b, ensemble
            assertThat(server.client.get("/api/v1/scenarios/tenant_b/summary").status()).isEqualTo(200);
        }
    }

    @Test
    void aWarehouseBehindASymbolicLinkIsReadable(@TempDir Path dir) throws Exception {
        TestWarehouse warehouse = TestWarehouse.copy(dir.resolve("wh"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), warehouse.root);
        try (RunningServer server = RunningServer.start(RunningServer.overParquet(link, warehouse.keys))) {
            ApiClient.Reply events = server.client.get("/api/v1/scenarios/base/events?year=2026&limit=1", "X-API-Key",
                    TestWarehouse.ALPHA_KEY);
            assertThat(events.status()).as(events.body()).isEqualTo(200);
            assertThat(events.json().get("total").asLong()).isPositive();
        }
    }

    @Test
    void aBrokenManifestMakesOnlyItsScenarioUnavailable(@TempDir Path dir) throws Exception {
        TestWarehouse warehouse = TestWarehouse.copy(dir.resolve("wh"));
        Files.writeString(warehouse.root.resolve("current/broken.json"), "{ not a manifest");
        try (RunningServer server = RunningServer.withKeys(warehouse.root, warehouse.keys)) {
            ApiClient api = server.client;
            ApiClient.Reply broken = api.get("/api/v1/scenarios/broken/summary", "X-API-Key", TestWarehouse.ADMIN_KEY);
            assertThat(broken.status()).isEqualTo(503);
            assertThat(broken.body()).doesNotContain(warehouse.root.toString()).doesNotContain("Exception");
            ApiClient.Reply list = api.get("/api/v1/scenarios", "X-API-Key", TestWarehouse.ADMIN_KEY);
            assertThat(list.json().get("rows")).hasSize(4); // base, alt, tenant_b, ensemble
            assertThat(api.get("/api/v1/scenarios/base/summary", "X-API-Key", TestWarehouse.ADMIN_KEY).status())
                    .isEqualTo(200);
            // The same id is still a plain 404 for a key that may not read it.
            assertThat(api.get("/api/v1/scenarios/broken/summary", "X-API-Key", TestWarehouse.ALPHA_KEY).status())
                    .isEqualTo(404);
        }
    }
}
