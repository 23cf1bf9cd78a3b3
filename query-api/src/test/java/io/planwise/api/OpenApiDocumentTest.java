package io.planwise.api;

import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OpenAPI document lists exactly the server's routes, and every path in it answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private RunningServer server;
    private JsonNode document;

    @BeforeAll
    void start() {
        server = RunningServer.withKeys(TestWarehouse.shared().root, TestWarehouse.shared().keys);
        ApiClient.Reply r = server.client.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        document = r.json();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void isAnOpenApi3DocumentOfExactlyTheServersRoutes() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrderElementsOf(QueryApiServer.ROUTES);
    }

    @Test
    void everyPathAnswers() {
        ApiClient api = server.client;
        String employee = api.get("/api/v1/scenarios/base/snapshot?limit=1", "X-API-Key", ALPHA_KEY).json().get("rows")
                .get(0).get("employee_id").asText();
        document.get("paths").fieldNames().forEachRemaining(path -> {
            String url = path.replace("{id}", "base").replace("{employee_id}", employee);
            if (url.equals("/api/v1/compare")) {
                url += "?scenarios=base,alt";
            }
            if (url.endsWith("/plan-vs-actual")) {
                url += "?year=" + TestWarehouse.FIRST_YEAR;
            }
            if (url.endsWith("/bands")) {
                url += "?metric=ending_headcount";
            }
            if (url.endsWith("/bands/exceedance")) {
                url += "?metric=ending_headcount&above=0&year=" + TestWarehouse.FIRST_YEAR;
            }
            ApiClient.Reply r = api.get(url, "X-API-Key", ALPHA_KEY);
            assertThat(r.status()).as(url + " " + r.body()).isEqualTo(200);
            assertThat(document.get("paths").get(path).get("get").get("responses").has("200")).isTrue();
        });
    }

    @Test
    void theEnsembleMetricsAreTheContracts() {
        List<String> metrics = new ArrayList<>();
        document.get("components").get("parameters").get("EnsembleMetric").get("schema").get("enum")
                .forEach(m -> metrics.add(m.asText()));
        assertThat(metrics).containsExactlyElementsOf(EnsembleMetric.names());
    }

    @Test
    void everyParameterReferenceResolves() {
        JsonNode components = document.get("components");
        document.findValues("$ref").forEach(ref -> {
            String[] parts = ref.asText().substring(2).split("/");
            JsonNode target = document;
            for (String p : parts) {
                target = target.get(p);
                assertThat(target).as(ref.asText()).isNotNull();
            }
        });
        assertThat(components.get("securitySchemes").get("apiKey").get("name").asText())
                .isEqualTo(Authentication.KEY_HEADER);
    }
}
