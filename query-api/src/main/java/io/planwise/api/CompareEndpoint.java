package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /api/v1/compare?scenarios=a,b[,c…]}: the needs and summary figures of several scenarios year
 * by year, each with its difference from the first (the baseline). One row per year, trial and
 * scenario, of trial 0 (the detail trial, as summary and needs answer without {@code trial=}); the
 * baseline's differences are zero. A year only one side has gets null differences.
 */
final class CompareEndpoint {

    static final int MAX_SCENARIOS = 10;
    private static final Set<String> PARAMETERS = Set.of("format", "scenarios", "year");

    /** Figures compared: from the needs mart, then from the per-year summary. */
    private static final List<String> NEEDS_FIGURES = List.of("starting_workforce", "target_ending_workforce", "hires",
            "experienced_terminations", "new_hire_terminations", "rif_terminations", "ending_workforce");
    private static final List<String> SUMMARY_FIGURES = List.of("promotions", "ending_total_compensation",
            "ending_avg_compensation", "prorated_compensation_cost");

    private final NeedsEndpoint needs;
    private final SummaryEndpoint summary;
    private final ScenarioAccess access;
    private final AnswerCache answers;

    CompareEndpoint(PublishedMarts marts, NeedsEndpoint needs, SummaryEndpoint summary) {
        this.access = marts.access();
        this.answers = marts.answers();
        this.needs = needs;
        this.summary = summary;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "compare");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        List<String> ids = scenarioIds(params);
        Caller caller = Authentication.caller(ctx);
        // One manifest per scenario, read once: every figure below comes from these runs.
        List<RunManifest> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(access.readable(caller, id, "scenarios"));
        }
        RunExtent.checkYears(params, RunExtent.years(runs), "these runs", "year");
        Validators validators = Validators.of(runs, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        Replies.Answer answer = answers.get(AnswerCache.key("compare", runs, format, params), () -> Replies.table(
                format, envelope(ids, runs), compare(ids, runs, params),
                Download.of(ctx, params, access, "compare-" + String.join("-", ids), runs)));
        Replies.send(ctx, validators, answer);
    }

    private ResultTable compare(List<String> ids, List<RunManifest> runs, RequestParameters params) {
        Map<String, Map<List<Object>, Map<String, Object>>> figures = new LinkedHashMap<>();
        Set<List<Object>> keys = new TreeSet<>((a, b) -> {
            int c = Integer.compare((Integer) a.get(0), (Integer) b.get(0));
            return c != 0 ? c : Integer.compare((Integer) a.get(1), (Integer) b.get(1));
        });
        for (RunManifest run : runs) {
            Map<List<Object>, Map<String, Object>> byYear = new HashMap<>();
            collect(needs.needs(run, params), NEEDS_FIGURES, byYear);
            collect(summary.yearly(run, params, false), SUMMARY_FIGURES, byYear);
            keys.addAll(byYear.keySet());
            figures.put(run.scenarioId(), byYear);
        }
        return table(ids, figures, keys);
    }

    private static Map<String, Object> envelope(List<String> ids, List<RunManifest> runs) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("baseline", ids.get(0));
        List<Map<String, Object>> described = new ArrayList<>();
        runs.forEach(r -> described.add(RunEnvelope.of(r)));
        envelope.put("scenarios", described);
        return envelope;
    }

    private static List<String> scenarioIds(RequestParameters params) {
        String text = params.single("scenarios").orElseThrow(() -> ApiError.badParameter("scenarios",
                "Parameter 'scenarios' is required: two or more scenario ids separated by commas, baseline first."));
        Set<String> ids = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String id = part.trim();
            if (!WarehouseLayout.isValidId(id)) {
                // Malformed ids cannot name a scenario: the same answer as an unknown one.
                throw ApiError.noSuchScenario("scenarios");
            }
            if (!ids.add(id)) {
                throw ApiError.badParameter("scenarios", "Parameter 'scenarios' names '" + id + "' twice.");
            }
        }
        if (ids.size() < 2 || ids.size() > MAX_SCENARIOS) {
            throw ApiError.badParameter("scenarios", "Parameter 'scenarios' must name 2 to " + MAX_SCENARIOS
                    + " scenarios.");
        }
        return List.copyOf(ids);
    }

    private static void collect(ResultTable table, List<String> names, Map<List<Object>, Map<String, Object>> into) {
        int year = table.columnIndex("simulation_year");
        int trial = table.columnIndex("trial");
        int[] index = names.stream().mapToInt(table::columnIndex).toArray();
        for (Object[] row : table.rows()) {
            Map<String, Object> values = into.computeIfAbsent(List.of(row[year], row[trial]), k -> new HashMap<>());
            for (int i = 0; i < index.length; i++) {
                values.put(names.get(i), row[index[i]]);
            }
        }
    }

    private static ResultTable table(List<String> ids, Map<String, Map<List<Object>, Map<String, Object>>> figures,
            Set<List<Object>> keys) {
        List<String> names = new ArrayList<>(NEEDS_FIGURES);
        names.addAll(SUMMARY_FIGURES);
        List<ResultTable.Column> columns = new ArrayList<>();
        columns.add(new ResultTable.Column("simulation_year", "INTEGER"));
        columns.add(new ResultTable.Column("trial", "INTEGER"));
        columns.add(new ResultTable.Column("scenario_id", "VARCHAR"));
        for (String n : names) {
            columns.add(new ResultTable.Column(n, typeOf(n)));
        }
        for (String n : names) {
            columns.add(new ResultTable.Column(n + "_diff", typeOf(n)));
        }
        List<Object[]> rows = new ArrayList<>();
        Map<List<Object>, Map<String, Object>> baseline = figures.get(ids.get(0));
        for (List<Object> key : keys) {
            Map<String, Object> base = baseline.get(key);
            for (String id : ids) {
                Map<String, Object> mine = figures.get(id).get(key);
                Object[] row = new Object[3 + 2 * names.size()];
                row[0] = key.get(0);
                row[1] = key.get(1);
                row[2] = id;
                for (int i = 0; i < names.size(); i++) {
                    Object value = mine == null ? null : mine.get(names.get(i));
                    Object baseValue = base == null ? null : base.get(names.get(i));
                    row[3 + i] = value;
                    row[3 + names.size() + i] = difference(value, baseValue);
                }
                rows.add(row);
            }
        }
        return new ResultTable(columns, rows);
    }

    private static String typeOf(String figure) {
        return figure.endsWith("compensation") || figure.endsWith("cost") ? "DECIMAL(18,2)" : "BIGINT";
    }

    private static Object difference(Object value, Object baseline) {
        if (value instanceof BigDecimal v && baseline instanceof BigDecimal b) {
            return v.subtract(b);
        }
        if (value instanceof Number v && baseline instanceof Number b && !(value instanceof BigDecimal)
                && !(baseline instanceof BigDecimal)) {
            return v.longValue() - b.longValue();
        }
        return null;
    }
}
