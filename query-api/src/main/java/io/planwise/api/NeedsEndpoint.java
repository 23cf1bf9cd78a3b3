package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code /api/v1/scenarios/{id}/needs}: the workforce plan per year from {@code fct_workforce_needs}
 * (starting and target workforce, terminations by category, hires, ending workforce), one small
 * in-memory table; trial 0's rows (the detail trial) unless {@code trial=} selects others
 * ({@link TrialParameter}).
 */
final class NeedsEndpoint {

    private static final List<String> FILTERS = List.of("year", "trial");
    private static final Set<String> PARAMETERS = Set.of("format", "year", "trial");

    private final PublishedMarts marts;

    NeedsEndpoint(PublishedMarts marts) {
        this.marts = marts;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "the needs");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        RunExtent.checkYears(params, run, "year");
        Validators validators = Validators.of(run, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        Replies.Answer answer = marts.answers().get(AnswerCache.key("needs", List.of(run), format, params),
                () -> Replies.table(format, RunEnvelope.of(run), needs(run, params),
                        Download.of(ctx, params, marts.access(), run.scenarioId() + "-needs", run)));
        Replies.send(ctx, validators, answer);
    }

    /** The needs rows of one run, every column but scenario_id, by year and trial; trial 0 by default. */
    ResultTable needs(RunManifest run, RequestParameters params) {
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            List<MartColumn> columns = views.requireMart(Marts.NEEDS);
            MartDatabase.Deadline deadline = marts.deadline();
            RequestParameters selected = TrialParameter.resolve(params, marts.trials(deadline, views, Marts.NEEDS));
            MartFilters filters = MartFilters.of(selected, FILTERS, Marts.NEEDS, columns);
            StringJoiner select = new StringJoiner(", ");
            columns.stream().map(MartColumn::name).filter(n -> !n.equals("scenario_id"))
                    .forEach(n -> select.add(RunViews.quote(n)));
            String sql = "SELECT " + select + " FROM " + views.relation(Marts.NEEDS) + filters.whereClause()
                    + " ORDER BY simulation_year, trial";
            return marts.query(deadline, sql, filters.values());
        }
    }
}
