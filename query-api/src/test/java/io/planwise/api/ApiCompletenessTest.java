package io.planwise.api;

import static io.planwise.api.TestWarehouse.ADMIN_KEY;
import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.MartQuery;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The parts of the API issue 12 asked for, over real HTTP against the shared warehouse the product
 * made: census issues and checks with their counts (compared with DuckDB reading the manifest's files
 * on its own), workbooks read back with Apache POI, years and levels outside the run, HEAD, repeated
 * key headers, and the 5xx answers that are refusals of the request's form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCompletenessTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TestWarehouse warehouse;
    private RunningServer server;
    private ApiClient api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        warehouse = TestWarehouse.shared();
        server = RunningServer.withKeys(warehouse.root, warehouse.keys);
        api = server.client;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode json(String path) {
        ApiClient.Reply r = api.get(path, "X-API-Key", ALPHA_KEY);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    // --- census issues and checks -------------------------------------------------------------------

    @Test
    void censusIssuesAreTheMartsRowsWithCountsByReason() throws Exception {
        JsonNode all = json("/api/v1/scenarios/alt/census-issues?limit=1000");
        Map<String, Long> expected = countsInFiles("alt", "dq_census_issues", "severity || '/' || reason");
        assertThat(expected).as("alt's census has rejected and warned rows").isNotEmpty();
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode c : all.get("counts")) {
            counted.put(c.get("severity").asText() + "/" + c.get("reason").asText(), c.get("rows").asLong());
        }
        assertThat(counted).isEqualTo(expected);
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(all.get("total").asLong()).isEqualTo(total);
        assertThat(all.get("rows")).hasSize((int) total);
        // The formula- and HTML-looking rows arrive as the census had them, as text.
        assertThat(all.get("rows").toString()).contains("MESSY_4").contains("<img src=x onerror=alert(1)>");

        String severity = all.get("counts").get(0).get("severity").asText();
        String reason = all.get("counts").get(0).get("reason").asText();
        JsonNode one = json("/api/v1/scenarios/alt/census-issues?severity=" + severity + "&reason=" + reason);
        assertThat(one.get("total").asLong()).isEqualTo(expected.get(severity + "/" + reason));
        assertThat(one.get("counts")).hasSize(1);
        for (JsonNode row : one.get("rows")) {
            assertThat(row.get("reason").asText()).isEqualTo(reason);
            assertThat(row.get("severity").asText()).isEqualTo(severity);
        }
        // base's census is clean: an empty answer with no counts, not an error.
        JsonNode clean = json("/api/v1/scenarios/base/census-issues");
        assertThat(clean.get("total").asLong()).isEqualTo(countsInFiles("base", "dq_census_issues", "reason").values()
                .stream().mapToLong(Long::longValue).sum());
        assertThat(api.get("/api/v1/scenarios/alt/census-issues?severity=fatal", "X-API-Key", ALPHA_KEY).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/scenarios/alt/census-issues?level=1", "X-API-Key", ALPHA_KEY).status())
                .as("census issues have no level column").isEqualTo(400);
    }

    @Test
    void checksAreTheMartsRowsWithCountsByCheckAndOutcome() throws Exception {
        Map<String, Long> expected = countsInFiles("base", "dq_checks", "check_name || '/' || passed");
        JsonNode all = json("/api/v1/scenarios/base/checks?limit=10000");
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode c : all.get("counts")) {
            counted.put(c.get("check_name").asText() + "/" + c.get("passed").asBoolean(), c.get("rows").asLong());
        }
        assertThat(counted).isEqualTo(expected);
        assertThat(counted.keySet()).as("a published run passed its checks").allMatch(k -> k.endsWith("/true"));
        JsonNode failed = json("/api/v1/scenarios/base/checks?passed=false");
        assertThat(failed.get("total").asLong()).isZero();
        assertThat(failed.get("counts")).isEmpty();
        String name = all.get("counts").get(0).get("check_name").asText();
        JsonNode byName = json("/api/v1/scenarios/base/checks?check_name=" + name);
        assertThat(byName.get("total").asLong()).isEqualTo(expected.get(name + "/true"));
    }

    /** Rows of a mart of a scenario's current run, grouped by {@code key}, read by DuckDB from the manifest's files. */
    private Map<String, Long> countsInFiles(String scenario, String mart, String key) throws Exception {
        RunManifest run = warehouse.manifests().current(scenario).orElseThrow();
        MartEntry entry = run.marts().get(mart);
        Map<String, Long> counts = new HashMap<>();
        if (entry.files().isEmpty()) {
            return counts;
        }
        String source = MartQuery.readParquet(MartQuery.paths(entry.files(), new WarehouseLayout(warehouse.root)), null);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + key + " AS k, count(*) AS n FROM " + source + " GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    // --- workbooks ------------------------------------------------------------------------------------

    @Test
    void everyTabularEndpointOffersAWorkbookWithTheDataAndTheRun() throws Exception {
        RunManifest base = warehouse.manifests().current("base").orElseThrow();
        for (String path : List.of("/api/v1/status", "/api/v1/scenarios", "/api/v1/scenarios/base/summary",
                "/api/v1/scenarios/base/summary?by=level&year=2026", "/api/v1/scenarios/base/needs",
                "/api/v1/scenarios/base/events?limit=50", "/api/v1/scenarios/base/snapshot?limit=50",
                "/api/v1/scenarios/alt/census-issues", "/api/v1/scenarios/base/checks?limit=20",
                "/api/v1/compare?scenarios=base,alt", "/api/v1/scenarios/base/plan-vs-actual?year=2025")) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode json = json(path);
            HttpResponse<byte[]> r = bytes(path + sep + "format=xlsx", "X-API-Key", ALPHA_KEY);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(XLSX);
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                    .contains(".xlsx");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
                Sheet data = book.getSheet(WorkbookTable.DATA_SHEET);
                Sheet run = book.getSheet(RunSheet.NAME);
                assertThat(data).as(path).isNotNull();
                assertThat(run).as(path).isNotNull();
                Map<String, String> facts = facts(run);
                assertThat(facts.get("request/path")).isEqualTo(path.replaceAll("\\?.*", ""));
                JsonNode columns = json.get("columns");
                if (columns == null) {
                    // /status answers JSON of its own shape; its table is one row per scenario and mart.
                    assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("scenario_id");
                    assertThat(data.getLastRowNum()).isPositive();
                    continue;
                }
                Row header = data.getRow(0);
                for (int c = 0; c < columns.size(); c++) {
                    assertThat(header.getCell(c).getStringCellValue()).isEqualTo(columns.get(c).get("name").asText());
                }
                JsonNode rows = json.get("rows");
                assertThat(data.getLastRowNum()).as(path + ": one sheet row per answer row").isEqualTo(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    for (int c = 0; c < columns.size(); c++) {
                        assertSame(path, rows.get(i).get(columns.get(c).get("name").asText()),
                                data.getRow(i + 1).getCell(c));
                    }
                }
                if (path.startsWith("/api/v1/scenarios/base/")) {
                    assertThat(facts.get("run/base/run_id")).isEqualTo(base.runId());
                    assertThat(facts.get("run/base/published_at")).isNotBlank();
                    assertThat(facts.get("run/base/engine")).isEqualTo("flink");
                    assertThat(facts.get("config/base/simulation.random_seed")).isEqualTo("7");
                    assertThat(facts.get("config/base/simulation.target_growth_rate")).startsWith("0.05");
                    assertThat(facts.keySet()).anyMatch(k -> k.startsWith("assumption_fingerprint/base/"));
                }
            }
        }
        HttpResponse<byte[]> byAccept = bytes("/api/v1/scenarios/base/summary", "X-API-Key", ALPHA_KEY, "Accept", XLSX);
        assertThat(byAccept.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(XLSX);
        HttpResponse<byte[]> first = bytes("/api/v1/scenarios/base/summary?format=xlsx", "X-API-Key", ALPHA_KEY);
        assertThat(first.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + base.runId() + "-xlsx\"");
        assertThat(first.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("base-summary-by-year-" + base.runId() + ".xlsx");
        ApiClient.Reply history = api.get("/api/v1/scenarios/base/employees/x?format=xlsx", "X-API-Key", ALPHA_KEY);
        assertThat(history.status()).as("two tables are JSON only").isEqualTo(400);
    }

    /** A cell holds the JSON value with its type: numbers as numbers, booleans as booleans, null as nothing. */
    private static void assertSame(String path, JsonNode value, Cell cell) {
        if (value == null || value.isNull()) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(path).isTrue();
        } else if (value.isNumber()) {
            assertThat(cell.getNumericCellValue()).as(path).isEqualTo(value.asDouble());
        } else if (value.isBoolean()) {
            assertThat(cell.getBooleanCellValue()).as(path).isEqualTo(value.asBoolean());
        } else if (value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            assertThat(cell.getLocalDateTimeCellValue().toLocalDate().toString()).as(path).isEqualTo(value.asText());
        } else if (value.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            assertThat(cell.getCellType()).as(path).isEqualTo(CellType.NUMERIC);
        } else {
            assertThat(cell.getStringCellValue()).as(path).isEqualTo(value.asText());
        }
    }

    /** The run sheet as {@code section/scenario/key -> value} ({@code section/key} without a scenario). */
    private static Map<String, String> facts(Sheet run) {
        Map<String, String> facts = new HashMap<>();
        for (int i = 1; i <= run.getLastRowNum(); i++) {
            Row row = run.getRow(i);
            Cell scenario = row.getCell(1);
            String key = row.getCell(0).getStringCellValue() + "/"
                    + (scenario == null || scenario.getCellType() == CellType.BLANK ? "" : scenario.getStringCellValue() + "/")
                    + row.getCell(2).getStringCellValue();
            Cell value = row.getCell(3);
            facts.put(key, value == null ? null : value.getCellType() == CellType.NUMERIC
                    ? java.math.BigDecimal.valueOf(value.getNumericCellValue()).stripTrailingZeros().toPlainString()
                    : value.getStringCellValue());
        }
        return facts;
    }

    // --- years and levels outside the run -------------------------------------------------------------

    @Test
    void aYearOrLevelOutsideTheRunIsRefusedByName() {
        for (String path : List.of("/api/v1/scenarios/base/summary?year=1999",
                "/api/v1/scenarios/base/summary?year=2025&year=2031", "/api/v1/scenarios/base/needs?year=2030",
                "/api/v1/scenarios/base/events?year=2024", "/api/v1/scenarios/base/snapshot?year=abc",
                "/api/v1/scenarios/base/plan-vs-actual?year=1999", "/api/v1/compare?scenarios=base,alt&year=1999",
                "/api/v1/scenarios/base/checks?year=2099")) {
            ApiClient.Reply r = api.get(path, "X-API-Key", ALPHA_KEY);
            assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).as(path).isEqualTo("year");
            assertThat(r.json().get("error").asText()).as(path)
                    .contains(TestWarehouse.FIRST_YEAR + " to " + TestWarehouse.LAST_YEAR);
        }
        for (String path : List.of("/api/v1/scenarios/base/summary?by=level&level=99",
                "/api/v1/scenarios/base/events?level=0", "/api/v1/scenarios/base/snapshot?level_id=42")) {
            ApiClient.Reply r = api.get(path, "X-API-Key", ALPHA_KEY);
            assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).as(path).isIn("level", "level_id");
            assertThat(r.json().get("error").asText()).as(path).contains("level of this run").contains("1");
        }
        ApiClient.Reply bands = api.get("/api/v1/scenarios/ensemble/bands?metric=hires&level=77", "X-API-Key", ADMIN_KEY);
        assertThat(bands.status()).isEqualTo(400);
        assertThat(bands.json().get("error").asText()).contains("'all'");
        // Years and levels inside the run still answer.
        assertThat(json("/api/v1/scenarios/base/summary?by=level&level=1&year=" + TestWarehouse.LAST_YEAR).get("rows"))
                .isNotEmpty();
    }

    // --- HEAD -----------------------------------------------------------------------------------------

    @Test
    void headRunsTheSameChecksAsGetAndSendsNoBody() throws Exception {
        for (String path : List.of("/", "/health", "/openapi.json", "/api/v1/status", "/api/v1/scenarios",
                "/api/v1/scenarios/base/summary", "/api/v1/scenarios/base/summary?format=csv",
                "/api/v1/scenarios/base/bands?metric=hires", "/api/v1/scenarios/alt/census-issues",
                "/api/v1/scenarios/base/employees/no_such_person", "/api/v1/scenarios/base/summary?year=1999",
                "/api/v1/scenarios/tenant_b/summary", "/api/v1/scenarios/no_such_scenario/summary",
                "/api/v1/compare?scenarios=base,tenant_b", "/api/v1/nothing")) {
            for (String key : new String[] {ALPHA_KEY, null}) {
                HttpResponse<byte[]> get = request("GET", path, key);
                HttpResponse<byte[]> head = request("HEAD", path, key);
                assertThat(head.statusCode()).as("HEAD " + path + " key " + key).isEqualTo(get.statusCode());
                assertThat(head.body()).as("HEAD " + path).isEmpty();
                for (String h : List.of("Content-Type", "ETag", "Last-Modified", "WWW-Authenticate",
                        "Content-Security-Policy", "Content-Disposition")) {
                    assertThat(head.headers().firstValue(h)).as("HEAD " + path + " " + h).isEqualTo(get.headers().firstValue(h));
                }
            }
        }
        assertThat(request("HEAD", "/api/v1/scenarios/tenant_b/summary", ALPHA_KEY).statusCode())
                .as("another tenant's scenario").isEqualTo(404);
        assertThat(request("HEAD", "/api/v1/scenarios/base/summary", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<byte[]> request(String method, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> bytes(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // --- repeated key headers -------------------------------------------------------------------------

    @Test
    void aRepeatedKeyHeaderIsRefusedEvenWhenBothCopiesAreValid() throws Exception {
        for (String[] pair : List.of(new String[] {ALPHA_KEY, ALPHA_KEY}, new String[] {ALPHA_KEY, ADMIN_KEY},
                new String[] {"wrong", ALPHA_KEY})) {
            HttpResponse<byte[]> r = bytes("/api/v1/scenarios/base/summary", "X-API-Key", pair[0], "X-API-Key", pair[1]);
            assertThat(r.statusCode()).as(String.join(" + ", pair)).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        HttpResponse<byte[]> bearer = bytes("/api/v1/scenarios/base/summary", "Authorization", "Bearer " + ALPHA_KEY,
                "Authorization", "Bearer " + ALPHA_KEY);
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bytes("/api/v1/scenarios/base/summary", "X-API-Key", ALPHA_KEY).statusCode()).isEqualTo(200);
    }

    // --- 5xx that are refusals ------------------------------------------------------------------------

    @Test
    void anUnsupportedHttpVersionOrMethodSaysSoInJson() throws Exception {
        String version = raw("GET /api/v1/status HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(version).startsWith("HTTP/1.1 505");
        assertThat(body(version)).contains("HTTP version not supported").contains("\"status\":505");
        String method = raw("BREW /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(method.substring(9, 12));
        assertThat(status).as(method).isIn(405, 501);
        assertThat(body(method)).contains("GET and HEAD only").contains("\"status\":" + status)
                .doesNotContain("Internal error");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String response) {
        int i = response.indexOf("\r\n\r\n");
        return i < 0 ? "" : response.substring(i + 4);
    }
}
