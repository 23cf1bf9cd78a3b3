package io.planwise.api;

import static io.planwise.api.TestWarehouse.ADMIN_KEY;
import static io.planwise.api.TestWarehouse.ALPHA_KEY;
import static io.planwise.api.TestWarehouse.FIRST_YEAR;
import static io.planwise.api.TestWarehouse.LAST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.RunManifest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every endpoint over real HTTP against real published marts, checked against the manifests and each other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointsTest {

    private TestWarehouse warehouse;
    private RunningServer server;
    private ApiClient api;
    private RunManifest base;

    @BeforeAll
    void start() {
        warehouse = TestWarehouse.shared();
        server = RunningServer.start(options(warehouse));
        api = server.client;
        base = warehouse.manifests().current("base").orElseThrow();
    }

    /** The test warehouse is small, so its marts are in-memory tables and answers are cached by default. */
    ServerOptions options(TestWarehouse warehouse) {
        return ServerOptions.embedded(warehouse.root, 0, warehouse.keys);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private ApiClient.Reply get(String path) {
        return api.get(path, "X-API-Key", ALPHA_KEY);
    }

    private JsonNode json(String path) {
        ApiClient.Reply r = get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.json();
    }

    @Test
    void healthAndReadinessNeedNoKey() {
        assertThat(api.get("/health").json().get("status").asText()).isEqualTo("ok");
        ApiClient.Reply ready = api.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void statusListsTheKeysScenariosWithRunsAndMartCountsFromTheManifests() {
        JsonNode status = json("/api/v1/status");
        assertThat(status.get("scenario_count").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        status.get("scenarios").forEach(s -> ids.add(s.get("scenario_id").asText()));
        assertThat(ids).containsExactly("alt", "base");
        JsonNode b = status.get("scenarios").get(1);
        assertThat(b.get("run_id").asText()).isEqualTo(base.runId());
        assertThat(b.get("published_at").asText()).isEqualTo(base.publishedAt().toString());
        base.marts().forEach((mart, entry) -> {
            assertThat(b.get("marts").get(mart).get("row_count").asLong()).as(mart).isEqualTo(entry.rowCount());
            assertThat(b.get("marts").get(mart).get("files").asInt()).as(mart).isEqualTo(entry.files().size());
        });
        assertThat(b.get("marts").get(Marts.EVENTS).get("first_year").asInt()).isEqualTo(TestWarehouse.FIRST_YEAR);

        ApiClient.Reply csv = get("/api/v1/status?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")[0]).isEqualTo("scenario_id,run_id,published_at,mart,row_count,files");
        assertThat(csv.body().split("\r\n")).hasSize(1 + 2 * base.marts().size());
    }

    @Test
    void scenariosListsRunsAndYears() {
        JsonNode rows = json("/api/v1/scenarios").get("rows");
        assertThat(rows).hasSize(2);
        JsonNode b = rows.get(1);
        assertThat(b.get("scenario_id").asText()).isEqualTo("base");
        assertThat(b.get("run_id").asText()).isEqualTo(base.runId());
        assertThat(b.get("first_year").asInt()).isEqualTo(TestWarehouse.FIRST_YEAR);
        assertThat(b.get("last_year").asInt()).isEqualTo(TestWarehouse.LAST_YEAR);

        ApiClient.Reply csv = api.get("/api/v1/scenarios", "X-API-Key", ALPHA_KEY, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("scenario_id,run_id,published_at,first_year,last_year\r\nalt,");
    }

    @Test
    void summaryPerYearAddsUpTheLevelsAndChainsYearToYear() {
        JsonNode byYear = json("/api/v1/scenarios/base/summary");
        assertThat(byYear.get("run_id").asText()).isEqualTo(base.runId());
        assertThat(byYear.get("by").asText()).isEqualTo("year");
        JsonNode years = byYear.get("rows");
        assertThat(years).hasSize(TestWarehouse.LAST_YEAR - TestWarehouse.FIRST_YEAR + 1);
        JsonNode levels = json("/api/v1/scenarios/base/summary?by=level").get("rows");
        for (int i = 0; i < years.size(); i++) {
            JsonNode y = years.get(i);
            int year = y.get("simulation_year").asInt();
            assertThat(year).isEqualTo(TestWarehouse.FIRST_YEAR + i);
            Map<String, Long> sums = new HashMap<>();
            BigDecimal payroll = BigDecimal.ZERO;
            for (JsonNode l : levels) {
                if (l.get("simulation_year").asInt() == year) {
                    for (String f : List.of("starting_headcount", "hires", "experienced_terminations",
                            "new_hire_terminations", "rif_terminations", "terminations", "promotions_out",
                            "ending_headcount")) {
                        sums.merge(f, l.get(f).asLong(), Long::sum);
                    }
                    payroll = payroll.add(l.get("ending_total_compensation").decimalValue());
                }
            }
            assertThat(y.get("starting_headcount").asLong()).isEqualTo(sums.get("starting_headcount"));
            assertThat(y.get("hires").asLong()).isEqualTo(sums.get("hires"));
            assertThat(y.get("terminations").asLong()).isEqualTo(sums.get("terminations"))
                    .isEqualTo(y.get("experienced_terminations").asLong() + y.get("new_hire_terminations").asLong()
                            + y.get("rif_terminations").asLong());
            assertThat(y.get("promotions").asLong()).isEqualTo(sums.get("promotions_out"));
            assertThat(y.get("ending_headcount").asLong()).isEqualTo(sums.get("ending_headcount"));
            assertThat(y.get("ending_total_compensation").decimalValue()).isEqualByComparingTo(payroll);
            assertThat(y.get("ending_avg_compensation").decimalValue()).isEqualByComparingTo(
                    payroll.divide(BigDecimal.valueOf(sums.get("ending_headcount")), 2, RoundingMode.HALF_UP));
            if (i > 0) {
                assertThat(y.get("starting_headcount").asLong())
                        .isEqualTo(years.get(i - 1).get("ending_headcount").asLong());
            }
        }
    }

    @Test
    void summaryFiltersByYearAndLevelAndAnswersCsv() {
        JsonNode rows = json("/api/v1/scenarios/base/summary?by=level&year=2026&level=2&level=3").get("rows");
        assertThat(rows).hasSize(2);
        rows.forEach(r -> assertThat(r.get("simulation_year").asInt()).isEqualTo(2026));
        assertThat(rows.get(0).get("level_id").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("level_id").asInt()).isEqualTo(3);

        ApiClient.Reply csv = get("/api/v1/scenarios/base/summary?format=csv&year=2025");
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).contains("base-summary-by-year.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("simulation_year,trial,starting_headcount,hires,");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("2025,0,");
    }

    @Test
    void needsMatchTheSummaryYearByYear() {
        JsonNode needs = json("/api/v1/scenarios/base/needs").get("rows");
        JsonNode summary = json("/api/v1/scenarios/base/summary").get("rows");
        assertThat(needs).hasSize(summary.size());
        for (int i = 0; i < needs.size(); i++) {
            JsonNode n = needs.get(i);
            JsonNode s = summary.get(i);
            assertThat(n.has("scenario_id")).isFalse();
            assertThat(n.get("simulation_year").asInt()).isEqualTo(s.get("simulation_year").asInt());
            assertThat(n.get("starting_workforce").asLong()).isEqualTo(s.get("starting_headcount").asLong());
            assertThat(n.get("hires").asLong()).isEqualTo(s.get("hires").asLong());
            assertThat(n.get("ending_workforce").asLong()).isEqualTo(s.get("ending_headcount").asLong());
        }
        assertThat(json("/api/v1/scenarios/base/needs?year=2027").get("rows")).hasSize(1);
    }

    @Test
    void aSingleTrialRunAnswersTrialZeroWithOrWithoutTrialAndRefusesAnyOther() {
        for (String endpoint : List.of("summary", "needs")) {
            String path = "/api/v1/scenarios/base/" + endpoint;
            JsonNode all = json(path).get("rows");
            assertThat(all).hasSize(TestWarehouse.LAST_YEAR - TestWarehouse.FIRST_YEAR + 1);
            all.forEach(r -> assertThat(r.get("trial").asInt()).isZero());
            assertThat(json(path + "?trial=0").get("rows")).isEqualTo(all);
            ApiClient.Reply other = get(path + "?trial=1");
            assertThat(other.status()).as(other.body()).isEqualTo(400);
            assertThat(other.json().get("parameter").asText()).isEqualTo("trial");
            assertThat(other.json().get("error").asText()).contains("0 to 0").contains("1 trial");
        }
    }

    @Test
    void aRealEnsemblesBandsAndExceedancesFollowFromItsTrials() {
        new EnsembleAnswers(api, ADMIN_KEY, "ensemble").assertAgreeWithTheTrials();
        JsonNode bands = api.get("/api/v1/scenarios/ensemble/bands?metric=ending_headcount&level=all",
                "X-API-Key", ADMIN_KEY).json();
        assertThat(bands.get("rows")).hasSize(LAST_YEAR - FIRST_YEAR + 1);
        // Every trial hits the same exact target, so the ending headcount has no spread at all ...
        for (JsonNode row : bands.get("rows")) {
            assertThat(row.get("n_trials").asInt()).isEqualTo(12);
            assertThat(row.get("is_sufficient").asBoolean()).isTrue();
            assertThat(row.get("p5").asDouble()).isEqualTo(row.get("p95").asDouble());
        }
        // ... but who leaves does differ by trial, and with it the payroll.
        JsonNode cost = api.get("/api/v1/scenarios/ensemble/bands?metric=prorated_compensation_cost"
                + "&level=all&year=" + LAST_YEAR, "X-API-Key", ADMIN_KEY).json();
        assertThat(cost.get("rows").get(0).get("p95").asDouble()).isGreaterThan(cost.get("rows").get(0).get("p5").asDouble());
        ApiClient.Reply trial11 = api.get("/api/v1/scenarios/ensemble/summary?trial=11", "X-API-Key", ADMIN_KEY);
        assertThat(trial11.status()).as(trial11.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/scenarios/ensemble/summary?trial=12", "X-API-Key", ADMIN_KEY).status()).isEqualTo(400);
    }

    @Test
    void theEnginesBandsOfASingleTrialRunFollowFromItsSummaryRows() {
        new EnsembleAnswers(api, ALPHA_KEY, "base").assertAgreeWithTheTrials();
    }

    @Test
    void eventsPageWithTotalsAndFilters() {
        long allEvents = base.marts().get(Marts.EVENTS).rowCount();
        JsonNode first = json("/api/v1/scenarios/base/events");
        assertThat(first.get("total").asLong()).isEqualTo(allEvents);
        assertThat(first.get("limit").asInt()).isEqualTo(100);
        assertThat(first.get("rows")).hasSize(100);
        assertThat(first.get("truncated").asBoolean()).isTrue();

        JsonNode hires = json("/api/v1/scenarios/base/events?year=2026&event_type=hire&limit=10000");
        long summaryHires = json("/api/v1/scenarios/base/summary?year=2026").get("rows").get(0).get("hires").asLong();
        assertThat(hires.get("total").asLong()).isEqualTo(summaryHires);
        assertThat(hires.get("rows")).hasSize((int) summaryHires);
        assertThat(hires.get("truncated").asBoolean()).isFalse();
        hires.get("rows").forEach(r -> {
            assertThat(r.get("event_type").asText()).isEqualTo("hire");
            assertThat(r.get("simulation_year").asInt()).isEqualTo(2026);
        });

        // Pages are stable and add up to the whole.
        JsonNode p1 = json("/api/v1/scenarios/base/events?year=2026&event_type=hire&limit=7&offset=0");
        JsonNode p2 = json("/api/v1/scenarios/base/events?year=2026&event_type=hire&limit=7&offset=7");
        assertThat(p1.get("rows").get(0)).isEqualTo(hires.get("rows").get(0));
        assertThat(p2.get("rows").get(0)).isEqualTo(hires.get("rows").get(7));
        assertThat(p2.get("total").asLong()).isEqualTo(summaryHires);

        JsonNode beyond = json("/api/v1/scenarios/base/events?event_type=hire&offset=99999999");
        assertThat(beyond.get("rows")).isEmpty();
        assertThat(beyond.get("truncated").asBoolean()).isFalse();
        assertThat(beyond.get("total").asLong()).isGreaterThan(0);

        JsonNode countOnly = json("/api/v1/scenarios/base/events?limit=0&event_category=promotion");
        assertThat(countOnly.get("rows")).isEmpty();
        assertThat(countOnly.get("total").asLong()).isPositive();
        assertThat(countOnly.get("truncated").asBoolean()).isTrue();

        JsonNode narrow = json("/api/v1/scenarios/base/events?columns=employee_id,event_type&limit=3");
        assertThat(narrow.get("columns")).hasSize(2);
        assertThat(narrow.get("rows").get(0).size()).isEqualTo(2);
        assertThat(narrow.get("columns").get(0).get("name").asText()).isEqualTo("employee_id");
    }

    @Test
    void snapshotFiltersOnStatusAndAnswersCsv() {
        long ending2027 = json("/api/v1/scenarios/base/summary?year=2027").get("rows").get(0).get("ending_headcount")
                .asLong();
        JsonNode active = json("/api/v1/scenarios/base/snapshot?year=2027&status=active&limit=0");
        assertThat(active.get("total").asLong()).isEqualTo(ending2027);

        ApiClient.Reply csv = get("/api/v1/scenarios/base/snapshot?year=2025&level=1&limit=5&format=csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("simulation_year,scenario_id,trial,employee_id,");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).startsWith("2025,base,0,");
        }
    }

    @Test
    void employeeHistorySpansTheYears() {
        String id = json("/api/v1/scenarios/base/snapshot?year=2025&status=active&limit=1").get("rows").get(0)
                .get("employee_id").asText();
        JsonNode history = json("/api/v1/scenarios/base/employees/" + id);
        assertThat(history.get("employee_id").asText()).isEqualTo(id);
        assertThat(history.get("run_id").asText()).isEqualTo(base.runId());
        JsonNode snapshots = history.get("snapshots");
        assertThat(snapshots.size()).isBetween(1, 3);
        for (int i = 0; i < snapshots.size(); i++) {
            assertThat(snapshots.get(i).get("simulation_year").asInt()).isEqualTo(TestWarehouse.FIRST_YEAR + i);
        }
        long events = json("/api/v1/scenarios/base/events?employee_id=" + id + "&limit=0").get("total").asLong();
        assertThat(history.get("events")).hasSize((int) events);
        assertThat(events).isPositive();

        ApiClient.Reply missing = get("/api/v1/scenarios/base/employees/NOBODY_123");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("parameter").asText()).isEqualTo("employee_id");
        assertThat(get("/api/v1/scenarios/base/employees/" + id + "?format=csv").status()).isEqualTo(400);
    }

    @Test
    void compareGivesEachScenarioAndItsDifferenceFromTheBaseline() {
        JsonNode cmp = json("/api/v1/compare?scenarios=base,alt");
        assertThat(cmp.get("baseline").asText()).isEqualTo("base");
        assertThat(cmp.get("scenarios").get(0).get("run_id").asText()).isEqualTo(base.runId());
        JsonNode rows = cmp.get("rows");
        assertThat(rows).hasSize(2 * 3);
        JsonNode baseSummary = json("/api/v1/scenarios/base/summary").get("rows");
        JsonNode altSummary = json("/api/v1/scenarios/alt/summary").get("rows");
        JsonNode altNeeds = json("/api/v1/scenarios/alt/needs").get("rows");
        for (int i = 0; i < 3; i++) {
            JsonNode b = rows.get(2 * i);
            JsonNode a = rows.get(2 * i + 1);
            assertThat(b.get("scenario_id").asText()).isEqualTo("base");
            assertThat(a.get("scenario_id").asText()).isEqualTo("alt");
            assertThat(b.get("hires_diff").asLong()).isZero();
            assertThat(b.get("ending_total_compensation_diff").decimalValue()).isEqualByComparingTo("0");
            assertThat(a.get("hires").asLong()).isEqualTo(altSummary.get(i).get("hires").asLong());
            assertThat(a.get("target_ending_workforce").asLong())
                    .isEqualTo(altNeeds.get(i).get("target_ending_workforce").asLong());
            assertThat(a.get("hires_diff").asLong())
                    .isEqualTo(altSummary.get(i).get("hires").asLong() - baseSummary.get(i).get("hires").asLong());
            assertThat(a.get("ending_total_compensation_diff").decimalValue()).isEqualByComparingTo(
                    altSummary.get(i).get("ending_total_compensation").decimalValue()
                            .subtract(baseSummary.get(i).get("ending_total_compensation").decimalValue()));
        }
        ApiClient.Reply csv = get("/api/v1/compare?scenarios=base,alt&format=csv&year=2025");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("simulation_year,trial,scenario_id,starting_workforce,").contains(",hires_diff,");
    }

    @Test
    void webPageAndItsAssetsAreServedWithAStrictPolicy() {
        ApiClient.Reply page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("<script>");
        assertThat(api.get("/app.js").body()).contains("/api/v1/scenarios").doesNotContain("innerHTML");
        assertThat(api.get("/app.css").status()).isEqualTo(200);
    }
}
