package io.planwise.api;

import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static io.planwise.api.TestWarehouse.BETA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker or a careless script may send: SQL in every parameter, path traversal in ids,
 * absurd limits, unknown columns, odd Accept headers, missing, wrong and other tenants' keys. The
 * answer is always a clean 4xx (or, for a text filter, an empty result: the value was only ever
 * data), never a 500, and never shows a path, a stack trace, SQL or another tenant's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "1 OR 1=1",
            "2025 OR 1=1",
            "1; DROP TABLE fct_yearly_events; --",
            "2025) UNION SELECT * FROM read_csv('/etc/passwd') --",
            "x' UNION SELECT * FROM run_1.fct_yearly_events --",
            "\"; SELECT 1; --",
            "$(cat /etc/passwd)",
            "{{7*7}}",
            "../../etc/passwd",
            "%00",
            "é'\u2028\"",
            "A".repeat(300));

    /** Query parameters and whether a harmless text value is legitimate for them (then 200 with no rows). */
    static final List<String[]> PARAMETERS = List.of(
            new String[] {"/api/v1/scenarios/base/events?", "year", "number"},
            new String[] {"/api/v1/scenarios/base/events?", "level", "number"},
            new String[] {"/api/v1/scenarios/base/events?", "event_type", "text"},
            new String[] {"/api/v1/scenarios/base/snapshot?", "status", "text"},
            new String[] {"/api/v1/scenarios/base/events?", "employee_id", "text"},
            new String[] {"/api/v1/scenarios/base/snapshot?", "employee_id", "text"},
            new String[] {"/api/v1/scenarios/base/events?", "limit", "number"},
            new String[] {"/api/v1/scenarios/base/events?", "offset", "number"},
            new String[] {"/api/v1/scenarios/base/events?", "format", "choice"},
            new String[] {"/api/v1/scenarios/base/events?", "columns", "choice"},
            new String[] {"/api/v1/scenarios/base/events?", "effective_date", "date"},
            new String[] {"/api/v1/scenarios/base/snapshot?", "current_compensation", "number"},
            new String[] {"/api/v1/scenarios/base/summary?", "by", "choice"},
            new String[] {"/api/v1/scenarios/base/summary?", "year", "number"},
            new String[] {"/api/v1/scenarios/base/summary?", "level", "number"},
            new String[] {"/api/v1/scenarios/base/summary?", "trial", "number"},
            new String[] {"/api/v1/scenarios/base/needs?", "year", "number"},
            new String[] {"/api/v1/scenarios/base/needs?", "trial", "number"},
            new String[] {"/api/v1/scenarios/base/bands?", "metric", "choice"},
            new String[] {"/api/v1/scenarios/base/bands?metric=hires&", "year", "number"},
            new String[] {"/api/v1/scenarios/base/bands?metric=hires&", "level", "number"},
            new String[] {"/api/v1/scenarios/base/bands/exceedance?year=2025&above=1&", "metric", "choice"},
            new String[] {"/api/v1/scenarios/base/bands/exceedance?metric=hires&above=1&", "year", "number"},
            new String[] {"/api/v1/scenarios/base/bands/exceedance?metric=hires&year=2025&above=1&", "level", "number"},
            new String[] {"/api/v1/scenarios/base/bands/exceedance?metric=hires&year=2025&", "above", "number"},
            new String[] {"/api/v1/scenarios/base/bands/exceedance?metric=hires&year=2025&", "below", "number"},
            new String[] {"/api/v1/compare?scenarios=base,alt&", "year", "number"},
            new String[] {"/api/v1/scenarios/base/plan-vs-actual?", "year", "number"},
            new String[] {"/api/v1/scenarios/base/plan-vs-actual?year=2025&", "level", "number"},
            new String[] {"/api/v1/scenarios/base/plan-vs-actual?year=2025&", "trial", "number"},
            new String[] {"/api/v1/scenarios/base/plan-vs-actual?year=2025&", "format", "choice"},
            new String[] {"/api/v1/compare?", "scenarios", "ids"},
            new String[] {"/api/v1/scenarios?", "format", "choice"},
            new String[] {"/api/v1/status?", "format", "choice"});

    private TestWarehouse warehouse;
    private RunningServer server;
    private ApiClient api;
    private List<String> tenantBRunIds;

    @BeforeAll
    void start() {
        warehouse = TestWarehouse.shared();
        server = RunningServer.withKeys(warehouse.root, warehouse.keys);
        api = server.client;
        tenantBRunIds = List.of(warehouse.manifests().current("tenant_b").orElseThrow().runId());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> injections() {
        List<Arguments> all = new ArrayList<>();
        for (String[] p : PARAMETERS) {
            for (String value : INJECTIONS) {
                all.add(Arguments.of(p[0], p[1], p[2], value));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} = {3}")
    @MethodSource("injections")
    void sqlInEveryParameterIsRefusedOrMatchesNothing(String path, String parameter, String kind, String value) {
        ApiClient.Reply r = get(path + parameter + "=" + encode(value));
        if (kind.equals("text") && r.status() == 200) {
            // A text filter takes any text: the value was compared as data and matched nothing.
            assertThat(r.json().get("total").asLong()).isZero();
            assertThat(r.json().get("rows")).isEmpty();
        } else {
            assertThat(r.status()).as(r.body()).isIn(400, 404);
            assertThat(r.json().get("parameter").asText()).isIn(parameter, "scenarios");
        }
        assertNothingLeaks(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%27%20OR%20%271%27%3D%271", "base%27%20--", "base;DROP", "..", "%2e%2e", "..%2F..%2Fetc", "%2Fetc%2Fpasswd",
            "base%00", "tenant_b", "TENANT_B", "base%20", "%20base", "..%5C..%5Cwindows", "%252e%252e", "*", "base,alt"})
    void hostileScenarioIdsAreNotFound(String id) {
        for (String suffix : List.of("/summary", "/needs", "/events", "/snapshot", "/employees/E1",
                "/plan-vs-actual?year=2025")) {
            ApiClient.Reply r = get("/api/v1/scenarios/" + id + suffix);
            assertThat(r.status()).as(id + suffix + " " + r.body()).isIn(400, 404);
            assertNothingLeaks(r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%2Fetc%2Fpasswd", "/etc/passwd", "E1'%20OR%20'1'='1", "E1%00", "%252e%252e%252f", "..%5c..%5c",
            "x%0d%0aSet-Cookie:%20a=b"})
    void pathTraversalInEmployeeIdsFindsNothing(String id) {
        ApiClient.Reply r = get("/api/v1/scenarios/base/employees/" + id);
        assertThat(r.status()).as(id + " " + r.body()).isIn(400, 404);
        assertThat(r.header("Set-Cookie")).isNull();
        assertNothingLeaks(r);
    }

    @Test
    void traversalOutsideTheApiPrefixFindsNoFile() {
        for (String path : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/../../../etc/passwd",
                "/api/v1/scenarios/../../../../current/base.json", "/runs/base", "/current/base.json",
                "/app.js/../../etc/passwd", "/openapi.json%00")) {
            ApiClient.Reply r = get(path);
            assertThat(r.status()).as(path + " " + r.body()).isIn(400, 401, 404);
            assertThat(r.body()).doesNotContain("root:").doesNotContain("run_id");
            assertNothingLeaks(r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=10001", "limit=-1", "limit=99999999999999999999", "limit=abc", "limit=1e3",
            "limit=0x10", "limit=", "limit=%20", "limit=1.5", "limit=%2B5", "offset=-5", "offset=1e10",
            "offset=100000001", "offset=9223372036854775808", "offset=NaN", "limit=10&limit=20"})
    void limitsAndOffsetsOutOfRangeAreRefused(String query) {
        ApiClient.Reply r = get("/api/v1/scenarios/base/events?" + query);
        assertThat(r.status()).as(query + " " + r.body()).isEqualTo(400);
        assertThat(r.json().get("parameter").asText()).isIn("limit", "offset");
        assertNothingLeaks(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/scenarios/base/events?salary=1", "/api/v1/scenarios/base/events?columns=salary",
            "/api/v1/scenarios/base/events?columns=employee_id,employee_id",
            "/api/v1/scenarios/base/events?columns=", "/api/v1/scenarios/base/events?status=active",
            "/api/v1/scenarios/base/events?EMPLOYEE_ID=1", "/api/v1/scenarios/base/snapshot?event_type=hire",
            "/api/v1/scenarios/base/summary?event_type=hire", "/api/v1/scenarios/base/summary?by=department",
            "/api/v1/scenarios/base/summary?by=year&by=level", "/api/v1/scenarios/base/needs?level=1",
            "/api/v1/compare?scenarios=base", "/api/v1/compare", "/api/v1/compare?scenarios=base,base",
            "/api/v1/compare?scenarios=base,alt&level=1", "/api/v1/status?verbose=1",
            "/api/v1/scenarios/base/events?year=2025&year=", "/api/v1/scenarios/base/events?effective_date=2025-13-01",
            "/api/v1/scenarios/base/events?event_probability=0.5", "/api/v1/scenarios/base/events?%27%3B--=1"})
    void unknownColumnsAndFiltersAreRefusedByName(String path) {
        ApiClient.Reply r = get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
        assertThat(r.json().get("parameter").isNull()).isFalse();
        assertNothingLeaks(r);
    }

    @Test
    void malformedFormatsAndAcceptHeaders() {
        String path = "/api/v1/scenarios/base/summary";
        assertThat(get(path + "?format=xml").status()).isEqualTo(400);
        assertThat(get(path + "?format=").status()).isEqualTo(400);
        assertThat(get(path + "?format=csv&format=json").status()).isEqualTo(400);
        assertThat(get(path + "?format=JSON").status()).isEqualTo(200);
        assertThat(get("/api/v1/scenarios/base/employees/E1?format=csv").json().get("parameter").asText())
                .isEqualTo("format");
        ApiClient.Reply xml = api.get(path, "X-API-Key", ALPHA_KEY, "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("parameter").asText()).isEqualTo("Accept");
        for (String accept : List.of("garbage", ";;;", "text/csv;q=abc, application/json", "*/*;q=2", "\u00ff/\u00ff",
                "text/csv;q=0", "application/json;q=0.1, text/csv;q=0.05")) {
            ApiClient.Reply r = api.get(path, "X-API-Key", ALPHA_KEY, "Accept", accept);
            assertThat(r.status()).as(accept + " " + r.body()).isIn(200, 406);
            assertNothingLeaks(r);
        }
        assertThat(api.get(path, "X-API-Key", ALPHA_KEY, "Accept", "text/csv, application/json;q=0.5")
                .header("Content-Type")).startsWith("text/csv");
        assertThat(api.get(path, "X-API-Key", ALPHA_KEY, "Accept", "text/html,*/*;q=0.8").header("Content-Type"))
                .startsWith("application/json");
    }

    @Test
    void missingOrWrongKeysAre401() {
        for (String path : List.of("/api/v1/status", "/api/v1/scenarios", "/api/v1/scenarios/base/summary",
                "/api/v1/scenarios/base/needs", "/api/v1/scenarios/base/events", "/api/v1/scenarios/base/snapshot",
                "/api/v1/scenarios/base/employees/E1", "/api/v1/compare?scenarios=base,alt",
                "/api/v1/scenarios/base/plan-vs-actual?year=2025",
                "/api/v1/scenarios/nope/summary", "/api/v1/nothing")) {
            for (String[] headers : List.of(new String[0], new String[] {"X-API-Key", "wrong"},
                    new String[] {"X-API-Key", ""}, new String[] {"X-API-Key", ALPHA_KEY + "x"},
                    new String[] {"Authorization", "Basic " + ALPHA_KEY}, new String[] {"Authorization", "Bearer"},
                    new String[] {"Authorization", "Bearer " + BETA_KEY, "X-API-Key", ALPHA_KEY},
                    new String[] {"X-API-Key", ApiKeys.sha256Hex(ALPHA_KEY)}, new String[] {"X-API-Key", "k".repeat(600)},
                    new String[] {"X-API-Key", "' OR '1'='1"})) {
                ApiClient.Reply r = api.get(path, headers);
                assertThat(r.status()).as(path + " " + String.join(" ", headers)).isEqualTo(401);
                assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
                assertNothingLeaks(r);
            }
        }
        assertThat(api.get("/api/v1/scenarios/base/summary", "Authorization", "Bearer " + ALPHA_KEY).status())
                .isEqualTo(200);
    }

    @Test
    void anotherTenantsScenarioLooksExactlyLikeNone() {
        ApiClient.Reply other = get("/api/v1/scenarios/tenant_b/summary");
        ApiClient.Reply none = get("/api/v1/scenarios/no_such_scenario/summary");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(none.body());
        assertThat(get("/api/v1/compare?scenarios=base,tenant_b").body())
                .isEqualTo(get("/api/v1/compare?scenarios=base,no_such_scenario").body());
        for (String path : List.of("/api/v1/status", "/api/v1/scenarios", "/api/v1/status?format=csv",
                "/api/v1/compare?scenarios=base,alt")) {
            assertThat(get(path).body()).doesNotContain("tenant_b");
        }
        // And the other way round: tenant B sees only its own.
        ApiClient.Reply beta = api.get("/api/v1/scenarios", "X-API-Key", BETA_KEY);
        assertThat(beta.json().get("rows")).hasSize(1);
        assertThat(beta.json().get("rows").get(0).get("scenario_id").asText()).isEqualTo("tenant_b");
        assertThat(api.get("/api/v1/scenarios/base/summary", "X-API-Key", BETA_KEY).status()).isEqualTo(404);
    }

    @Test
    void unsupportedMethodsAndUnknownRoutesAreJson() {
        ApiClient.Reply unknown = get("/api/v1/nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isNotBlank();
        ApiClient.Reply post = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.base() + "/api/v1/scenarios")).header("X-API-Key", ALPHA_KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.status()).isIn(404, 405);
        assertThat(post.json().get("error").asText()).isNotBlank();
        assertNothingLeaks(post);
    }

    private ApiClient.Reply get(String path) {
        return api.get(path, "X-API-Key", ALPHA_KEY);
    }

    private void assertNothingLeaks(ApiClient.Reply r) {
        assertThat(r.status()).as("never a server error: " + r.body()).isLessThan(500);
        String body = r.body();
        String lower = body.toLowerCase(Locale.ROOT);
        assertThat(body).doesNotContain(warehouse.root.toString()).doesNotContain("/runs/").doesNotContain("/work/")
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("root:x:");
        assertThat(lower).doesNotContain("duckdb").doesNotContain("select ").doesNotContain("read_parquet")
                .doesNotContain("jetty").doesNotContain("javalin");
        for (String run : tenantBRunIds) {
            assertThat(body).doesNotContain(run);
        }
        if (r.status() >= 400 && !body.isEmpty()) {
            JsonNode json = r.json();
            assertThat(json.has("error")).as(body).isTrue();
            assertThat(json.has("parameter")).as(body).isTrue();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
