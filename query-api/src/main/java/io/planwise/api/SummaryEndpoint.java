package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/scenarios/{id}/summary}: the workforce per year (or per year and level with
 * {@code by=level}): starting headcount, hires, terminations by category, promotions, ending headcount
 * and payroll. Reads only {@code fct_workforce_summary}, a few rows per year held in memory.
 *
 * <p>The rows are trial 0's (the detail trial) unless {@code trial=} selects others ({@link TrialParameter}).
 */
final class SummaryEndpoint {

    private static final List<String> FILTERS = List.of("year", "level", "trial");
    private static final Set<String> PARAMETERS = Set.of("format", "by", "year", "level", "trial");

    private static final String FLOWS = """
            CAST(sum(starting_headcount) AS BIGINT) AS starting_headcount,
            CAST(sum(hires) AS BIGINT) AS hires,
            CAST(sum(experienced_terminations) AS BIGINT) AS experienced_terminations,
            CAST(sum(new_hire_terminations) AS BIGINT) AS new_hire_terminations,
            CAST(sum(rif_terminations) AS BIGINT) AS rif_terminations,
            CAST(sum(experienced_terminations + new_hire_terminations + rif_terminations) AS BIGINT) AS terminations,
            """;

    private static final String BY_YEAR = "SELECT simulation_year, trial, " + FLOWS + """
            CAST(sum(promotions_out) AS BIGINT) AS promotions,
            CAST(sum(ending_headcount) AS BIGINT) AS ending_headcount,
            CAST(sum(ending_total_compensation) AS DECIMAL(18,2)) AS ending_total_compensation,
            CAST(NULL AS DECIMAL(18,2)) AS ending_avg_compensation,
            CAST(sum(prorated_compensation_cost) AS DECIMAL(18,2)) AS prorated_compensation_cost
            FROM %s%s GROUP BY simulation_year, trial ORDER BY simulation_year, trial""";

    private static final String BY_LEVEL = """
            SELECT simulation_year, trial, level_id, starting_headcount, hires, experienced_terminations,
            new_hire_terminations, rif_terminations,
            experienced_terminations + new_hire_terminations + rif_terminations AS terminations,
            promotions_in, promotions_out, ending_headcount, ending_total_compensation, ending_avg_compensation,
            prorated_compensation_cost
            FROM %s%s ORDER BY simulation_year, trial, level_id""";

    private final PublishedMarts marts;

    SummaryEndpoint(PublishedMarts marts) {
        this.marts = marts;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "the summary");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        String by = params.single("by").orElse("year");
        if (!by.equals("year") && !by.equals("level")) {
            throw ApiError.badParameter("by", "Parameter 'by' must be 'year' or 'level'.");
        }
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        RunExtent.checkYears(params, run, "year");
        RunExtent.checkLevels(marts, run, params, null, "level");
        Validators validators = Validators.of(run, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        Replies.Answer answer = marts.answers().get(AnswerCache.key("summary", List.of(run), format, params), () -> {
            Map<String, Object> envelope = RunEnvelope.of(run);
            envelope.put("by", by);
            return Replies.table(format, envelope, yearly(run, params, by.equals("level")),
                    Download.of(ctx, params, marts.access(), run.scenarioId() + "-summary-by-" + by, run));
        });
        Replies.send(ctx, validators, answer);
    }

    /**
     * The summary rows of one run, of the trials {@code params} selects (trial 0 by default);
     * {@code CompareEndpoint} uses the per-year form too.
     */
    ResultTable yearly(RunManifest run, RequestParameters params, boolean byLevel) {
        ResultTable table;
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            List<MartColumn> columns = views.requireMart(Marts.SUMMARY);
            MartDatabase.Deadline deadline = marts.deadline();
            RequestParameters selected = TrialParameter.resolve(params, marts.trials(deadline, views, Marts.SUMMARY));
            MartFilters filters = MartFilters.of(selected, FILTERS, Marts.SUMMARY, columns);
            String sql = String.format(byLevel ? BY_LEVEL : BY_YEAR, views.relation(Marts.SUMMARY),
                    filters.whereClause());
            table = marts.query(deadline, sql, filters.values());
        }
        return byLevel ? table : withAverageCompensation(table);
    }

    /**
     * Fills ending_avg_compensation = payroll / headcount, rounded half away from zero to the cent as the
     * model rounds it; in Java because DuckDB divides decimals in floating point.
     */
    private static ResultTable withAverageCompensation(ResultTable table) {
        int total = table.columnIndex("ending_total_compensation");
        int headcount = table.columnIndex("ending_headcount");
        int average = table.columnIndex("ending_avg_compensation");
        return table.map(table.columns(), row -> {
            Object[] out = row.clone();
            long h = row[headcount] == null ? 0 : ((Number) row[headcount]).longValue();
            out[average] = h == 0 || row[total] == null ? null
                    : ((BigDecimal) row[total]).divide(BigDecimal.valueOf(h), 2, RoundingMode.HALF_UP);
            return out;
        });
    }
}
