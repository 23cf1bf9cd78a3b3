package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Checks any published ensemble through the API alone, whichever engine or fixture made it: the
 * per-trial summary rows ({@code summary?by=level&trial=…}) are the ground truth, and every band row
 * ({@code /bands}) and exceedance count ({@code /bands/exceedance}) must follow from them as MODEL.md
 * section 6 defines (the statistics of {@link EnsembleFixture#band}). The trial count is taken from the
 * all-levels bands and confirmed by {@code trial=} refusing the next trial.
 */
final class EnsembleAnswers {

    /** Trials per summary request: few enough that their rows stay below the answer's cap. */
    private static final int TRIALS_PER_REQUEST = 20;

    private final ApiClient api;
    private final String key;
    private final String scenario;

    EnsembleAnswers(ApiClient api, String key, String scenario) {
        this.api = api;
        this.key = key;
        this.scenario = scenario;
    }

    /** Every band row of every metric, and an exceedance count above and below per row, agree with the trials. */
    void assertAgreeWithTheTrials() {
        JsonNode first = json("/bands?metric=" + EnsembleMetric.ENDING_HEADCOUNT.metricName() + "&level=all")
                .get("rows");
        assertThat(first).as("all-levels bands of %s", scenario).isNotEmpty();
        int trials = first.get(0).get("n_trials").asInt();
        ApiClient.Reply beyond = get("/summary?trial=" + trials);
        assertThat(beyond.status()).as("trial %d of a %d-trial run", trials, trials).isEqualTo(400);
        assertThat(beyond.json().get("parameter").asText()).isEqualTo("trial");

        Map<Integer, Map<String, Map<Integer, long[]>>> values = perTrialValues(trials);
        int expectedRows = values.values().stream().mapToInt(Map::size).sum();
        for (EnsembleMetric metric : EnsembleMetric.values()) {
            JsonNode rows = json("/bands?metric=" + metric.metricName()).get("rows");
            assertThat(rows).as("band rows of %s", metric.metricName()).hasSize(expectedRows);
            for (JsonNode row : rows) {
                int year = row.get("simulation_year").asInt();
                String level = row.get("level_id").isNull() ? "all" : row.get("level_id").asText();
                long[] trialValues = values.get(year).get(level).values().stream()
                        .mapToLong(v -> v[metric.ordinal()]).toArray();
                String what = metric.metricName() + " " + year + " level " + level;
                assertBand(what, row, EnsembleFixture.band(trialValues, metric.unitsPerCent()));
                long pivot = trialValues[0];
                String threshold = metric.money() ? BigDecimal.valueOf(pivot, 2).toPlainString() : String.valueOf(pivot);
                for (String direction : List.of("above", "below")) {
                    JsonNode answer = json("/bands/exceedance?metric=" + metric.metricName() + "&year=" + year
                            + "&level=" + level + "&" + direction + "=" + threshold);
                    long expected = Arrays.stream(trialValues)
                            .filter(v -> direction.equals("above") ? v > pivot : v < pivot).count();
                    assertThat(answer.get("n_trials").asLong()).as(what).isEqualTo(trialValues.length);
                    assertThat(answer.get("trials_beyond").asLong()).as(what + " " + direction + " " + threshold)
                            .isEqualTo(expected);
                    assertThat(answer.get("share").asDouble()).as(what)
                            .isCloseTo((double) expected / trialValues.length, within(1e-12));
                }
            }
        }
    }

    private static void assertBand(String what, JsonNode row, Map<String, Object> expected) {
        assertThat(row.get("n_trials").asInt()).as(what).isEqualTo(expected.get("n_trials"));
        assertThat(row.get("is_sufficient").asBoolean()).as(what).isEqualTo(expected.get("is_sufficient"));
        for (String column : List.of("mean", "sd", "min", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "max")) {
            Object e = expected.get(column);
            if (e == null) {
                assertThat(row.get(column).isNull()).as(what + " " + column + " is null").isTrue();
            } else {
                double d = (Double) e;
                assertThat(row.get(column).asDouble()).as(what + " " + column)
                        .isCloseTo(d, within(1e-9 * Math.max(1, Math.abs(d))));
            }
        }
    }

    /**
     * year → level (its id, or "all") → trial → exact value of each metric (by ordinal), for the trials
     * that have rows there; "all" sums the trial's levels.
     */
    private Map<Integer, Map<String, Map<Integer, long[]>>> perTrialValues(int trials) {
        Map<Integer, Map<String, Map<Integer, long[]>>> values = new TreeMap<>();
        EnsembleMetric[] metrics = EnsembleMetric.values();
        for (int from = 0; from < trials; from += TRIALS_PER_REQUEST) {
            StringJoiner selected = new StringJoiner("&");
            for (int t = from; t < Math.min(trials, from + TRIALS_PER_REQUEST); t++) {
                selected.add("trial=" + t);
            }
            JsonNode rows = json("/summary?by=level&" + selected).get("rows");
            assertThat(rows.size()).as("rows of one request, below the answer's cap").isLessThan(Marts.MAX_ROWS);
            for (JsonNode row : rows) {
                int year = row.get("simulation_year").asInt();
                int trial = row.get("trial").asInt();
                for (String level : List.of(row.get("level_id").asText(), "all")) {
                    long[] v = values.computeIfAbsent(year, y -> new TreeMap<>()).computeIfAbsent(level, l -> new TreeMap<>())
                            .computeIfAbsent(trial, t -> new long[metrics.length]);
                    for (EnsembleMetric metric : metrics) {
                        v[metric.ordinal()] += units(row.get(metric.summaryColumn()), metric);
                    }
                }
            }
        }
        return values;
    }

    private static long units(JsonNode value, EnsembleMetric metric) {
        return value.decimalValue().multiply(BigDecimal.valueOf(metric.unitsPerCent())).longValueExact();
    }

    private ApiClient.Reply get(String pathAndQuery) {
        return api.get("/api/v1/scenarios/" + scenario + pathAndQuery, "X-API-Key", key);
    }

    private JsonNode json(String pathAndQuery) {
        ApiClient.Reply r = get(pathAndQuery);
        assertThat(r.status()).as(pathAndQuery + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }
}
