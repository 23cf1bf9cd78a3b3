package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.contract.EnsembleMetric;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code /api/v1/scenarios/{id}/bands/exceedance?metric=M&year=Y&above=X} (or {@code below=X})
 * {@code [&level=L|all]}: in how many trials of the current run the metric ended strictly above (or
 * strictly below) X in year Y: "what is the chance that headcount exceeds 1,050?".
 *
 * <p>Counted from the per-trial {@code fct_workforce_summary} rows, as the bands are made
 * ({@link EnsembleMetric}): per level the level's row of each trial, for all levels (the default) the sum
 * of the trial's rows of the year; n_trials is the number of trials with such rows, as in the bands.
 * X is in the metric's unit, dollars for money. The comparison is exact: the summary's DECIMAL dollars
 * are compared as integer cents ({@link EnsembleMetric#unitsPerCent()}) with X rounded to the bound
 * that is equivalent for integers, so 1234.56 is not above 1234.56 and is above 1234.559.
 *
 * <p>JSON: the run envelope, then metric, year, level (the id or "all"), threshold, direction
 * (above | below), n_trials, trials_beyond and share (trials_beyond / n_trials). CSV: those fields but
 * the envelope as one line.
 */
final class ExceedanceEndpoint {

    static final String ABOVE = "above";
    static final String BELOW = "below";

    private static final Set<String> PARAMETERS = Set.of("format", EnsembleParameters.METRIC,
            EnsembleParameters.YEAR, EnsembleParameters.LEVEL, ABOVE, BELOW);

    private static final String LEVEL = Marts.column(ProjectionMarts.SUMMARY, "level_id");
    private static final String YEAR = ProjectionMarts.SUMMARY.partitionColumn();
    /** Each metric's summary column, checked against the contract when the server starts. */
    private static final Map<EnsembleMetric, String> COLUMNS = summaryColumns();

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private final PublishedMarts marts;

    ExceedanceEndpoint(PublishedMarts marts) {
        this.marts = marts;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "the exceedance");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        EnsembleMetric metric = EnsembleParameters.metric(params);
        EnsembleParameters.Level level = EnsembleParameters.level(params, EnsembleParameters.Level.ALL);
        Optional<String> above = params.single(ABOVE);
        Optional<String> below = params.single(BELOW);
        if (above.isPresent() == below.isPresent()) {
            throw ApiError.badParameter(above.isPresent() ? BELOW : ABOVE, above.isPresent()
                    ? "Give only one of 'above' and 'below'."
                    : "Parameter 'above' or 'below' is required (exactly one): the threshold, in the metric's unit.");
        }
        String direction = above.isPresent() ? ABOVE : BELOW;
        BigDecimal threshold = EnsembleParameters.threshold(direction, above.orElseGet(below::get));
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        int year = EnsembleParameters.year(params, run, true).orElseThrow();
        RunExtent.checkLevels(marts, run, params, EnsembleParameters.ALL_LEVELS, EnsembleParameters.LEVEL);
        Validators validators = Validators.of(run, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        Replies.Answer answer = marts.answers().get(AnswerCache.key("exceedance", List.of(run), format, params), () -> {
            long[] counts = count(run, metric, year, level, direction, threshold);
            Object share = counts[0] == 0 ? null : (double) counts[1] / counts[0];
            Object[] row = {metric.metricName(), year, level.echo(), threshold, direction, counts[0], counts[1], share};
            List<ResultTable.Column> columns = List.of(new ResultTable.Column("metric", "VARCHAR"),
                    new ResultTable.Column("year", "INTEGER"), new ResultTable.Column("level", "VARCHAR"),
                    new ResultTable.Column("threshold", "DECIMAL"), new ResultTable.Column("direction", "VARCHAR"),
                    new ResultTable.Column("n_trials", "BIGINT"), new ResultTable.Column("trials_beyond", "BIGINT"),
                    new ResultTable.Column("share", "DOUBLE"));
            if (format != ResponseFormat.JSON) {
                return Replies.table(format, Map.of(), new ResultTable(columns, List.<Object[]>of(row)), Download.of(ctx,
                        params, marts.access(), run.scenarioId() + "-exceedance-" + metric.metricName() + "-" + year, run));
            }
            Map<String, Object> body = RunEnvelope.of(run);
            for (int i = 0; i < columns.size(); i++) {
                body.put(columns.get(i).name(), row[i]);
            }
            return Replies.json(body);
        });
        Replies.send(ctx, validators, answer);
    }

    /** {n_trials, trials_beyond} of one metric, year and level of the run. */
    private long[] count(RunManifest run, EnsembleMetric metric, int year, EnsembleParameters.Level level,
            String direction, BigDecimal threshold) {
        String column = COLUMNS.get(metric);
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            List<MartColumn> columns = views.requireMart(Marts.SUMMARY);
            if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw ApiError.notFound("The published run of this scenario has no " + column + " column in "
                        + Marts.SUMMARY + ".", null);
            }
            MartDatabase.Deadline deadline = marts.deadline();
            String relation = views.relation(Marts.SUMMARY);
            // The trial's value in exact units (cents for money), summed over the levels asked for.
            StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
            List<Object> values = new ArrayList<>();
            values.add(exactBound(threshold, metric.unitsPerCent(), direction));
            where.add(RunViews.quote(YEAR) + " = ?");
            values.add(year);
            if (level.id() != null) {
                where.add(RunViews.quote(LEVEL) + " = ?");
                values.add(level.id());
            }
            String sql = "SELECT CAST(count(*) AS BIGINT) AS n_trials, CAST(count(*) FILTER (WHERE trial_value "
                    + (direction.equals(ABOVE) ? ">" : "<") + " ?) AS BIGINT) AS trials_beyond FROM (SELECT sum(CAST("
                    + RunViews.quote(column) + " * " + metric.unitsPerCent() + " AS BIGINT)) AS trial_value FROM "
                    + relation + where + " GROUP BY " + RunViews.quote(Marts.TRIAL) + ") AS per_trial";
            Object[] counts = marts.query(deadline, sql, values).rows().get(0);
            long trials = ((Number) counts[0]).longValue();
            if (trials == 0 && level.id() != null) {
                throw ApiError.badParameter(EnsembleParameters.LEVEL, "Parameter 'level' must be a level of this run's "
                        + year + " summary: " + levels(deadline, relation, year) + ", or 'all'.");
            }
            return new long[] {trials, ((Number) counts[1]).longValue()};
        }
    }

    private static Map<EnsembleMetric, String> summaryColumns() {
        Map<EnsembleMetric, String> columns = new EnumMap<>(EnsembleMetric.class);
        for (EnsembleMetric m : EnsembleMetric.values()) {
            columns.put(m, Marts.column(ProjectionMarts.SUMMARY, m.summaryColumn()));
        }
        return Map.copyOf(columns);
    }

    /** The levels the summary has rows for in a year, for the error message. */
    private String levels(MartDatabase.Deadline deadline, String relation, int year) {
        ResultTable t = marts.query(deadline, "SELECT DISTINCT " + RunViews.quote(LEVEL) + " AS level_id FROM " + relation
                + " WHERE " + RunViews.quote(YEAR) + " = ? ORDER BY 1", List.of(year));
        StringJoiner ids = new StringJoiner(", ");
        t.rows().forEach(r -> ids.add(String.valueOf(r[0])));
        return ids.length() == 0 ? "(none)" : ids.toString();
    }

    /**
     * The integer bound equivalent to the threshold for integer values v in exact units:
     * v &gt; X·u ⇔ v &gt; floor(X·u), and v &lt; X·u ⇔ v &lt; ceil(X·u); beyond the range of a long, the
     * range's end (no trial's value comes near it).
     */
    static long exactBound(BigDecimal threshold, int unitsPerCent, String direction) {
        BigDecimal bound = threshold.multiply(BigDecimal.valueOf(unitsPerCent))
                .setScale(0, direction.equals(ABOVE) ? RoundingMode.FLOOR : RoundingMode.CEILING);
        if (bound.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (bound.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return bound.longValueExact();
    }
}
