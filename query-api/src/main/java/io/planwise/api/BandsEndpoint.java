package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code /api/v1/scenarios/{id}/bands?metric=M[&year=Y][&level=L|all]}: the spread of one
 * {@link EnsembleMetric} over the trials of the scenario's current run, from {@code fct_ensemble_bands}
 * (MODEL.md section 6): n_trials, is_sufficient, mean, sd, min, p5 … p95, max; money in dollars;
 * sd and percentiles null when the run had too few trials.
 *
 * <p>{@code level=L} gives level L's rows, {@code level=all} the all-levels rows (level_id null), and
 * no {@code level} every row of the metric. Rows are ordered by year, then level, the all-levels row
 * (level_id null) first. The columns are those of the mart in the run's manifest, but scenario_id.
 */
final class BandsEndpoint {

    private static final Set<String> PARAMETERS = Set.of("format", EnsembleParameters.METRIC,
            EnsembleParameters.YEAR, EnsembleParameters.LEVEL);

    private static final String SCENARIO = Marts.column(ProjectionMarts.BANDS, "scenario_id");
    private static final String METRIC = Marts.column(ProjectionMarts.BANDS, "metric");
    private static final String LEVEL = Marts.column(ProjectionMarts.BANDS, "level_id");
    private static final String YEAR = ProjectionMarts.BANDS.partitionColumn();

    private final PublishedMarts marts;

    BandsEndpoint(PublishedMarts marts) {
        this.marts = marts;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "the bands");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        EnsembleMetric metric = EnsembleParameters.metric(params);
        EnsembleParameters.Level level = EnsembleParameters.level(params, EnsembleParameters.Level.EVERY_ROW);
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        Optional<Integer> year = EnsembleParameters.year(params, run, false);
        RunExtent.checkLevels(marts, run, params, EnsembleParameters.ALL_LEVELS, EnsembleParameters.LEVEL);
        Validators validators = Validators.of(run, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        Replies.Answer answer = marts.answers().get(AnswerCache.key("bands", List.of(run), format, params), () -> {
            Map<String, Object> envelope = RunEnvelope.of(run);
            envelope.put("metric", metric.metricName());
            return Replies.table(format, envelope, bands(run, metric, year, level),
                    Download.of(ctx, params, marts.access(), run.scenarioId() + "-bands-" + metric.metricName(), run));
        });
        Replies.send(ctx, validators, answer);
    }

    /** The band rows of one metric of one run, by year and level (all levels first). */
    ResultTable bands(RunManifest run, EnsembleMetric metric, Optional<Integer> year, EnsembleParameters.Level level) {
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            List<MartColumn> columns = views.requireMart(Marts.BANDS);
            StringJoiner select = new StringJoiner(", ");
            columns.stream().map(MartColumn::name).filter(n -> !n.equals(SCENARIO))
                    .forEach(n -> select.add(RunViews.quote(n)));
            StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
            List<Object> values = new ArrayList<>();
            where.add(RunViews.quote(METRIC) + " = ?");
            values.add(metric.metricName());
            year.ifPresent(y -> {
                where.add(RunViews.quote(YEAR) + " = ?");
                values.add(y);
            });
            if (level.allLevels()) {
                where.add(RunViews.quote(LEVEL) + " IS NULL");
            } else if (level.id() != null) {
                where.add(RunViews.quote(LEVEL) + " = ?");
                values.add(level.id());
            }
            String sql = "SELECT " + select + " FROM " + views.relation(Marts.BANDS) + where + " ORDER BY "
                    + RunViews.quote(YEAR) + ", " + RunViews.quote(LEVEL) + " NULLS FIRST";
            return marts.query(marts.deadline(), sql, values);
        }
    }
}
