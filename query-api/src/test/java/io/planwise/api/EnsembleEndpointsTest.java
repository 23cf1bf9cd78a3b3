package io.planwise.api;

import static io.planwise.api.EnsembleFixture.FEW_TRIALS;
import static io.planwise.api.EnsembleFixture.KEY;
import static io.planwise.api.EnsembleFixture.OTHER_KEY;
import static io.planwise.api.EnsembleFixture.OTHER_TENANT;
import static io.planwise.api.EnsembleFixture.SCENARIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ensemble endpoints ({@code /bands}, {@code /bands/exceedance}) and {@code trial=} on summary and
 * needs, over real HTTP against the Parquet files of {@link EnsembleFixture}, whose figures are simple
 * enough that every expected answer below is worked out by hand (see the table there): trial t of 2025
 * ends with 100 + t people in all, 60 + t in level 1 and 40 in level 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleEndpointsTest {

    private EnsembleFixture fixture;
    private RunningServer server;
    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path tmp) {
        fixture = EnsembleFixture.create(tmp);
        server = RunningServer.start(options(fixture));
        api = server.client;
    }

    /** The fixture is small: in-memory tables and the answer cache, as on a real server. */
    ServerOptions options(EnsembleFixture f) {
        return ServerOptions.embedded(f.root, 0, f.keys);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiClient.Reply get(String path) {
        return api.get(path, "X-API-Key", KEY);
    }

    private JsonNode json(String path) {
        ApiClient.Reply r = get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.json();
    }

    private JsonNode refused(String path, int status, String parameter) {
        ApiClient.Reply r = get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(status);
        JsonNode error = r.json();
        assertThat(error.get("status").asInt()).isEqualTo(status);
        if (parameter == null) {
            assertThat(error.get("parameter").isNull()).as(r.body()).isTrue();
        } else {
            assertThat(error.get("parameter").asText()).as(r.body()).isEqualTo(parameter);
        }
        return error;
    }

    private static String bands(String scenario, String query) {
        return "/api/v1/scenarios/" + scenario + "/bands?" + query;
    }

    private static String exceedance(String scenario, String query) {
        return "/api/v1/scenarios/" + scenario + "/bands/exceedance?" + query;
    }

    // ---- bands --------------------------------------------------------------------------------------

    @Test
    void bandsOfAMetricComeByYearThenLevelWithTheAllLevelsRowFirst() {
        JsonNode answer = json(bands(SCENARIO, "metric=ending_headcount"));
        assertThat(answer.get("scenario_id").asText()).isEqualTo(SCENARIO);
        assertThat(answer.get("run_id").asText()).isEqualTo(fixture.runs.get(SCENARIO).runId());
        assertThat(answer.get("metric").asText()).isEqualTo("ending_headcount");
        // The mart's columns as the contract declares them, but scenario_id.
        List<String> columns = new ArrayList<>();
        answer.get("columns").forEach(c -> columns.add(c.get("name").asText()));
        assertThat(columns).containsExactlyElementsOf(ProjectionMarts.BANDS.manifestColumns().stream()
                .map(MartColumn::name).filter(n -> !n.equals("scenario_id")).toList());
        assertThat(columns).startsWith("simulation_year", "level_id", "metric");

        JsonNode rows = answer.get("rows");
        assertThat(answer.get("row_count").asInt()).isEqualTo(6);
        List<String> order = new ArrayList<>();
        rows.forEach(r -> order.add(r.get("simulation_year").asInt() + "/" + r.get("level_id").asText()));
        assertThat(order).containsExactly("2025/null", "2025/1", "2025/2", "2026/null", "2026/1", "2026/2");
        rows.forEach(r -> assertThat(r.get("metric").asText()).isEqualTo("ending_headcount"));

        // 2025, all levels: 100 … 111 over the 12 trials.
        JsonNode all = rows.get(0);
        assertThat(all.get("level_id").isNull()).isTrue();
        assertThat(all.get("n_trials").asInt()).isEqualTo(12);
        assertThat(all.get("is_sufficient").asBoolean()).isTrue();
        assertThat(all.get("mean").asDouble()).isEqualTo(105.5);
        assertThat(all.get("sd").asDouble()).isCloseTo(Math.sqrt(13), within(1e-12)); // sample variance of 0..11
        assertThat(all.get("min").asDouble()).isEqualTo(100.0);
        // type 7: h = 11p; p5 = 100 + 0.55, p10 = 101.1, p25 = 102.75, p50 = 105.5, p75 = 108.25, p90 = 109.9, p95 = 110.45
        double[] expected = {100.55, 101.1, 102.75, 105.5, 108.25, 109.9, 110.45};
        for (int i = 0; i < expected.length; i++) {
            assertThat(all.get(EnsembleFixture.PERCENTILE_COLUMNS.get(i)).asDouble())
                    .as(EnsembleFixture.PERCENTILE_COLUMNS.get(i)).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(all.get("max").asDouble()).isEqualTo(111.0);
        // Level 2 has 40 people in every trial.
        JsonNode two = rows.get(2);
        assertThat(two.get("level_id").asInt()).isEqualTo(2);
        assertThat(two.get("min").asDouble()).isEqualTo(40.0);
        assertThat(two.get("p50").asDouble()).isEqualTo(40.0);
        assertThat(two.get("sd").asDouble()).isZero();
        assertThat(two.get("max").asDouble()).isEqualTo(40.0);
        // 2026 is ten more.
        assertThat(rows.get(3).get("min").asDouble()).isEqualTo(110.0);
        assertThat(rows.get(3).get("max").asDouble()).isEqualTo(121.0);
    }

    @Test
    void bandsFilterByYearAndLevelOrAllLevels() {
        JsonNode all2026 = json(bands(SCENARIO, "metric=ending_headcount&year=2026&level=all")).get("rows");
        assertThat(all2026).hasSize(1);
        assertThat(all2026.get(0).get("simulation_year").asInt()).isEqualTo(2026);
        assertThat(all2026.get(0).get("level_id").isNull()).isTrue();
        assertThat(all2026.get(0).get("p50").asDouble()).isEqualTo(115.5);

        JsonNode levelOne = json(bands(SCENARIO, "metric=hires&level=1")).get("rows");
        assertThat(levelOne).hasSize(2);
        assertThat(levelOne.get(0).get("simulation_year").asInt()).isEqualTo(2025);
        assertThat(levelOne.get(1).get("simulation_year").asInt()).isEqualTo(2026);
        for (JsonNode r : levelOne) {
            assertThat(r.get("level_id").asInt()).isEqualTo(1);
            assertThat(r.get("min").asDouble()).isEqualTo(10.0); // 10 + t
            assertThat(r.get("max").asDouble()).isEqualTo(21.0);
        }
        // Promotions are promotions into the level: t mod 4 into level 2, none into level 1.
        JsonNode promotions = json(bands(SCENARIO, "metric=promotions&year=2025")).get("rows");
        assertThat(promotions.get(1).get("max").asDouble()).isZero();
        assertThat(promotions.get(2).get("max").asDouble()).isEqualTo(3.0);
        assertThat(promotions.get(2).get("mean").asDouble()).isEqualTo(1.5);

        assertThat(refused(bands(SCENARIO, "metric=hires&level=7"), 400, "level").get("error").asText())
                .contains("1, 2");
    }

    @Test
    void moneyBandsAreInDollarsAndAnswerCsv() {
        ApiClient.Reply csv = get(bands(SCENARIO, "metric=ending_total_compensation&year=2025&level=all&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).contains(SCENARIO + "-bands-ending_total_compensation.csv");
        assertThat(csv.header("ETag")).isEqualTo("\"" + fixture.runs.get(SCENARIO).runId() + "-csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("simulation_year,level_id,metric,n_trials,is_sufficient,mean,sd,min,"
                + "p5,p10,p25,p50,p75,p90,p95,max");
        // 9,000,000.25 + 1,000.50 t: mean 9,005,503.00, min and max of t = 0 and 11, p50 of t = 5.5.
        String[] f = lines[1].split(",", -1);
        assertThat(f[0]).isEqualTo("2025");
        assertThat(f[1]).isEmpty();
        assertThat(f[2]).isEqualTo("ending_total_compensation");
        assertThat(f[3]).isEqualTo("12");
        assertThat(f[4]).isEqualTo("true");
        assertThat(Double.parseDouble(f[5])).isCloseTo(9_005_503.00, within(1e-6));
        assertThat(Double.parseDouble(f[7])).isEqualTo(9_000_000.25);
        assertThat(Double.parseDouble(f[11])).isCloseTo(9_005_503.00, within(1e-6));
        assertThat(Double.parseDouble(f[15])).isEqualTo(9_011_005.75);
    }

    @Test
    void bandsOfTooFewTrialsHaveNoSpreadButMinMeanAndMax() {
        JsonNode row = json(bands(FEW_TRIALS, "metric=hires&year=2025&level=all")).get("rows").get(0);
        assertThat(row.get("n_trials").asInt()).isEqualTo(3);
        assertThat(row.get("is_sufficient").asBoolean()).isFalse();
        assertThat(row.get("mean").asDouble()).isEqualTo(13.0); // 12, 13, 14
        assertThat(row.get("min").asDouble()).isEqualTo(12.0);
        assertThat(row.get("max").asDouble()).isEqualTo(14.0);
        for (String c : List.of("sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95")) {
            assertThat(row.get(c).isNull()).as(c).isTrue();
        }
        String line = get(bands(FEW_TRIALS, "metric=hires&year=2025&level=all&format=csv")).body().split("\r\n")[1];
        assertThat(line).isEqualTo("2025,,hires,3,false,13.0,,12.0,,,,,,,,14.0");
    }

    // ---- exceedance ---------------------------------------------------------------------------------

    @Test
    void exceedanceCountsTheTrialsStrictlyAboveOrBelow() {
        JsonNode above = json(exceedance(SCENARIO, "metric=ending_headcount&year=2025&above=105"));
        assertThat(above.get("scenario_id").asText()).isEqualTo(SCENARIO);
        assertThat(above.get("run_id").asText()).isEqualTo(fixture.runs.get(SCENARIO).runId());
        assertThat(above.get("metric").asText()).isEqualTo("ending_headcount");
        assertThat(above.get("year").asInt()).isEqualTo(2025);
        assertThat(above.get("level").asText()).isEqualTo("all");
        assertThat(above.get("threshold").decimalValue()).isEqualByComparingTo("105");
        assertThat(above.get("direction").asText()).isEqualTo("above");
        assertThat(above.get("n_trials").asInt()).isEqualTo(12);
        assertThat(above.get("trials_beyond").asInt()).isEqualTo(6); // 106 … 111
        assertThat(above.get("share").asDouble()).isEqualTo(0.5);

        JsonNode below = json(exceedance(SCENARIO, "metric=ending_headcount&year=2025&below=105"));
        assertThat(below.get("direction").asText()).isEqualTo("below");
        assertThat(below.get("trials_beyond").asInt()).isEqualTo(5); // 100 … 104; 105 is neither
        assertThat(below.get("share").asDouble()).isEqualTo(5.0 / 12);

        assertThat(beyond("metric=ending_headcount&year=2026&above=115")).isEqualTo(6); // 110 + t
        assertThat(beyond("metric=ending_headcount&year=2025&above=105.5")).isEqualTo(6);
        assertThat(beyond("metric=ending_headcount&year=2025&above=104.99")).isEqualTo(7);
        assertThat(beyond("metric=ending_headcount&year=2025&above=-1e3")).isEqualTo(12);
        assertThat(beyond("metric=ending_headcount&year=2025&below=1e300")).isEqualTo(12);
        assertThat(beyond("metric=ending_headcount&year=2025&above=1e300")).isZero();
        assertThat(beyond("metric=rif_terminations&year=2025&above=0")).isEqualTo(1); // only trial 11
        assertThat(beyond("metric=hires&year=2025&below=14")).isEqualTo(2); // 12 + t
    }

    @Test
    void exceedanceOfOneLevelReadsThatLevelsRows() {
        JsonNode one = json(exceedance(SCENARIO, "metric=ending_headcount&year=2025&level=1&above=65"));
        assertThat(one.get("level").asInt()).isEqualTo(1);
        assertThat(one.get("trials_beyond").asInt()).isEqualTo(6); // 60 + t
        assertThat(beyond("metric=ending_headcount&year=2025&level=2&above=39")).isEqualTo(12);
        assertThat(beyond("metric=ending_headcount&year=2025&level=2&above=40")).isZero();
        assertThat(beyond("metric=ending_headcount&year=2025&level=all&above=105")).isEqualTo(6);
        // promotions = promotions_in: t mod 4 into level 2 (2 or 3 in trials 2, 3, 6, 7, 10, 11), none into level 1.
        assertThat(beyond("metric=promotions&year=2025&level=2&above=1")).isEqualTo(6);
        assertThat(beyond("metric=promotions&year=2025&level=1&above=0")).isZero();
        assertThat(beyond("metric=promotions&year=2025&above=1")).isEqualTo(6);
    }

    @Test
    void moneyExceedanceIsInDollarsAndExactToTheCent() {
        // 2025, all levels: 9,000,000.25 + 1,000.50 t; trial 5 has exactly 9,005,002.75.
        assertThat(beyond("metric=ending_total_compensation&year=2025&above=9005002.75")).isEqualTo(6);
        assertThat(beyond("metric=ending_total_compensation&year=2025&above=9005002.74")).isEqualTo(7);
        assertThat(beyond("metric=ending_total_compensation&year=2025&above=9005002.749")).isEqualTo(7);
        assertThat(beyond("metric=ending_total_compensation&year=2025&below=9005002.75")).isEqualTo(5);
        assertThat(beyond("metric=ending_total_compensation&year=2025&below=9005002.751")).isEqualTo(6);
        assertThat(beyond("metric=ending_total_compensation&year=2025&above=9.00500275e6")).isEqualTo(6);
        // Level 2: 4,000,000.25 in every trial.
        assertThat(beyond("metric=ending_total_compensation&year=2025&level=2&above=4000000.24")).isEqualTo(12);
        assertThat(beyond("metric=ending_total_compensation&year=2025&level=2&above=4000000.25")).isZero();
        // 8,850,000.00 + 999.99 t in 2025, 200,000 more in 2026.
        // Trial 5 has exactly 9,054,999.95 in 2026.
        assertThat(beyond("metric=prorated_compensation_cost&year=2026&above=9054999.95")).isEqualTo(6);
        assertThat(beyond("metric=prorated_compensation_cost&year=2026&above=9054999.94")).isEqualTo(7);
        JsonNode answer = json(exceedance(SCENARIO, "metric=ending_total_compensation&year=2025&above=9005002.75"));
        assertThat(answer.get("threshold").decimalValue()).isEqualByComparingTo("9005002.75");
        assertThat(answer.get("threshold").toString()).isEqualTo("9005002.75");
    }

    @Test
    void exceedanceAnswersCsv() {
        ApiClient.Reply csv = get(exceedance(SCENARIO, "metric=ending_headcount&year=2025&above=105&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).contains(SCENARIO + "-exceedance-ending_headcount-2025.csv");
        assertThat(csv.body()).isEqualTo("metric,year,level,threshold,direction,n_trials,trials_beyond,share\r\n"
                + "ending_headcount,2025,all,105,above,12,6,0.5\r\n");
        ApiClient.Reply level = api.get(exceedance(SCENARIO, "metric=ending_total_compensation&year=2025&level=2"
                + "&below=4000000.26"), "X-API-Key", KEY, "Accept", "text/csv");
        assertThat(level.body().split("\r\n")[1])
                .isEqualTo("ending_total_compensation,2025,2,4000000.26,below,12,12,1.0");
    }

    @Test
    void exceedanceAgreesWithTheBands() {
        JsonNode band = json(bands(SCENARIO, "metric=hires&year=2026&level=all")).get("rows").get(0);
        JsonNode atMedian = json(exceedance(SCENARIO, "metric=hires&year=2026&above=" + band.get("p50").asText()));
        assertThat(atMedian.get("n_trials").asInt()).isEqualTo(band.get("n_trials").asInt());
        assertThat(atMedian.get("share").asDouble()).isEqualTo(0.5);
        assertThat(beyond("metric=hires&year=2026&above=" + band.get("max").asText())).isZero();
        assertThat(beyond("metric=hires&year=2026&below=" + band.get("min").asText())).isZero();
    }

    /** The whole ensemble, every metric, year and level: the check a real engine's ensemble gets too. */
    @Test
    void everyBandAndExceedanceFollowsFromTheTrialsSummaryRows() {
        new EnsembleAnswers(api, KEY, SCENARIO).assertAgreeWithTheTrials();
        new EnsembleAnswers(api, KEY, FEW_TRIALS).assertAgreeWithTheTrials();
    }

    private long beyond(String query) {
        return json(exceedance(SCENARIO, query)).get("trials_beyond").asLong();
    }

    // ---- refusals -----------------------------------------------------------------------------------

    @Test
    void aMissingOrUnknownMetricIsRefusedNamingTheMetrics() {
        for (String query : List.of("year=2025", "metric=headcount", "metric=promotions_in", "metric=",
                "metric=ending_headcount&metric=hires")) {
            JsonNode error = refused(bands(SCENARIO, query), 400, "metric");
            if (!query.endsWith("hires")) {
                EnsembleMetric.names().forEach(m -> assertThat(error.get("error").asText()).contains(m));
            }
            refused(exceedance(SCENARIO, "above=1&" + query), 400, "metric");
        }
    }

    @Test
    void aYearOutsideTheRunIsRefusedNamingItsRange() {
        for (String year : List.of("2024", "2027", "x", "2025.0", "")) {
            JsonNode error = refused(bands(SCENARIO, "metric=hires&year=" + year), 400, "year");
            assertThat(error.get("error").asText()).contains("2025 to 2026");
            refused(exceedance(SCENARIO, "metric=hires&above=1&year=" + year), 400, "year");
        }
        JsonNode required = refused(exceedance(SCENARIO, "metric=hires&above=1"), 400, "year");
        assertThat(required.get("error").asText()).contains("required").contains("2025 to 2026");
    }

    @Test
    void aLevelMustBeAnIdOrAll() {
        for (String level : List.of("x", "ALL", "1.5", "", "all,1")) {
            refused(bands(SCENARIO, "metric=hires&level=" + level), 400, "level");
            refused(exceedance(SCENARIO, "metric=hires&year=2025&above=1&level=" + level), 400, "level");
        }
        // A level the run has no rows for cannot be counted; the answer names the levels there are.
        JsonNode none = refused(exceedance(SCENARIO, "metric=hires&year=2025&above=1&level=9"), 400, "level");
        assertThat(none.get("error").asText()).contains("1, 2");
    }

    @Test
    void exactlyOneFiniteThresholdIsNeeded() {
        refused(exceedance(SCENARIO, "metric=hires&year=2025"), 400, "above");
        refused(exceedance(SCENARIO, "metric=hires&year=2025&above=1&below=2"), 400, "below");
        refused(exceedance(SCENARIO, "metric=hires&year=2025&above=1&above=2"), 400, "above");
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "inf", "1e", "0x10", "%2B5", "1,000", "", "1e5000",
                "5d", "abc")) {
            JsonNode error = refused(exceedance(SCENARIO, "metric=hires&year=2025&above=" + bad), 400, "above");
            assertThat(error.get("error").asText()).contains("finite number");
            refused(exceedance(SCENARIO, "metric=hires&year=2025&below=" + bad), 400, "below");
        }
        refused(bands(SCENARIO, "metric=hires&above=1"), 400, "above"); // not a parameter of the bands
        refused(exceedance(SCENARIO, "metric=hires&year=2025&above=1&trial=0"), 400, "trial");
    }

    @Test
    void aScenarioOutsideTheKeyIsNotFound() {
        for (String path : List.of(bands(OTHER_TENANT, "metric=hires"),
                exceedance(OTHER_TENANT, "metric=hires&year=2025&above=1"), bands("no_such", "metric=hires"),
                exceedance("no_such", "metric=hires&year=2025&above=1"))) {
            JsonNode error = refused(path, 404, "scenario_id");
            assertThat(error.get("error").asText()).isEqualTo("No such scenario.");
        }
        // It exists: its own key reads it.
        ApiClient.Reply own = api.get(bands(OTHER_TENANT, "metric=hires&level=all&year=2025"), "X-API-Key", OTHER_KEY);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("rows").get(0).get("n_trials").asInt()).isEqualTo(12);
        assertThat(api.get(bands(SCENARIO, "metric=hires"), "X-API-Key", OTHER_KEY).status()).isEqualTo(404);
        assertThat(api.get(bands(SCENARIO, "metric=hires")).status()).isEqualTo(401);
    }

    @Test
    void answersRevalidateWithTheRunId() {
        String path = exceedance(SCENARIO, "metric=hires&year=2025&above=15");
        ApiClient.Reply first = get(path);
        assertThat(first.header("ETag")).isEqualTo("\"" + fixture.runs.get(SCENARIO).runId() + "\"");
        assertThat(api.get(path, "X-API-Key", KEY, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        ApiClient.Reply bandsAnswer = get(bands(SCENARIO, "metric=hires"));
        assertThat(api.get(bands(SCENARIO, "metric=hires"), "X-API-Key", KEY, "If-None-Match",
                bandsAnswer.header("ETag")).status()).isEqualTo(304);
    }

    // ---- trial= on summary and needs ------------------------------------------------------------------

    @Test
    void summaryAndNeedsAnswerForTheDetailTrialByDefault() {
        JsonNode summary = json("/api/v1/scenarios/" + SCENARIO + "/summary").get("rows");
        assertThat(summary).hasSize(2);
        summary.forEach(r -> assertThat(r.get("trial").asInt()).isZero());
        assertThat(summary.get(0).get("ending_headcount").asLong()).isEqualTo(100);
        assertThat(summary.get(1).get("ending_headcount").asLong()).isEqualTo(110);
        assertThat(json("/api/v1/scenarios/" + SCENARIO + "/summary?trial=0").get("rows")).isEqualTo(summary);
        JsonNode byLevel = json("/api/v1/scenarios/" + SCENARIO + "/summary?by=level").get("rows");
        assertThat(byLevel).hasSize(4);
        byLevel.forEach(r -> assertThat(r.get("trial").asInt()).isZero());

        JsonNode needs = json("/api/v1/scenarios/" + SCENARIO + "/needs").get("rows");
        assertThat(needs).hasSize(2);
        needs.forEach(r -> assertThat(r.get("trial").asInt()).isZero());
        assertThat(needs.get(0).get("ending_workforce").asLong()).isEqualTo(100);

        JsonNode compare = json("/api/v1/compare?scenarios=" + SCENARIO + "," + FEW_TRIALS).get("rows");
        assertThat(compare).hasSize(4);
        compare.forEach(r -> assertThat(r.get("trial").asInt()).isZero());
    }

    @Test
    void trialSelectsOneTrialOfSummaryAndNeeds() {
        JsonNode seven = json("/api/v1/scenarios/" + SCENARIO + "/summary?trial=7&year=2025").get("rows");
        assertThat(seven).hasSize(1);
        JsonNode y = seven.get(0);
        assertThat(y.get("trial").asInt()).isEqualTo(7);
        assertThat(y.get("ending_headcount").asLong()).isEqualTo(107);
        assertThat(y.get("hires").asLong()).isEqualTo(19);
        assertThat(y.get("new_hire_terminations").asLong()).isEqualTo(1); // 7 mod 3
        assertThat(y.get("promotions").asLong()).isEqualTo(3); // 7 mod 4
        assertThat(y.get("ending_total_compensation").decimalValue()).isEqualByComparingTo("9007003.75");

        JsonNode levels = json("/api/v1/scenarios/" + SCENARIO + "/summary?by=level&trial=7&year=2025").get("rows");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0).get("ending_headcount").asLong()).isEqualTo(67);
        assertThat(levels.get(1).get("ending_headcount").asLong()).isEqualTo(40);
        assertThat(levels.get(1).get("promotions_in").asLong()).isEqualTo(3);

        JsonNode two = json("/api/v1/scenarios/" + SCENARIO + "/summary?year=2026&trial=11&trial=0").get("rows");
        assertThat(two).hasSize(2);
        assertThat(two.get(0).get("trial").asInt()).isZero();
        assertThat(two.get(1).get("trial").asInt()).isEqualTo(11);
        assertThat(two.get(1).get("ending_headcount").asLong()).isEqualTo(121);

        JsonNode needs = json("/api/v1/scenarios/" + SCENARIO + "/needs?trial=5").get("rows");
        assertThat(needs).hasSize(2);
        assertThat(needs.get(0).get("trial").asInt()).isEqualTo(5);
        assertThat(needs.get(0).get("ending_workforce").asLong()).isEqualTo(105);
        assertThat(needs.get(0).get("hires").asLong()).isEqualTo(17);
        assertThat(needs.get(1).get("ending_workforce").asLong()).isEqualTo(115);

        ApiClient.Reply csv = get("/api/v1/scenarios/" + SCENARIO + "/summary?trial=7&year=2025&format=csv");
        assertThat(csv.body().split("\r\n")[1]).startsWith("2025,7,");
        assertThat(get("/api/v1/scenarios/" + SCENARIO + "/needs?trial=5&format=csv").body().split("\r\n")[1])
                .startsWith("2025,5,");
    }

    @Test
    void aTrialOutsideTheRunIsRefusedNamingItsRange() {
        for (String endpoint : List.of("summary", "summary?by=level&", "needs")) {
            String base = "/api/v1/scenarios/" + SCENARIO + "/" + endpoint + (endpoint.endsWith("&") ? "" : "?");
            for (String trial : List.of("12", "-1", "x", "1.0", "", "99999999999")) {
                JsonNode error = refused(base + "trial=" + trial, 400, "trial");
                assertThat(error.get("error").asText()).contains("0 to 11").contains("12 trials");
            }
            refused(base + "trial=0&trial=12", 400, "trial");
        }
        JsonNode few = refused("/api/v1/scenarios/" + FEW_TRIALS + "/needs?trial=3", 400, "trial");
        assertThat(few.get("error").asText()).contains("0 to 2").contains("3 trials");
        assertThat(json("/api/v1/scenarios/" + FEW_TRIALS + "/needs?trial=2").get("rows")).hasSize(2);
    }
}
