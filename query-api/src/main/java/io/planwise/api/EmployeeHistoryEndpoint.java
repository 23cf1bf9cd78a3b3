package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code /api/v1/scenarios/{id}/employees/{employee_id}}: one employee across the projection, their
 * year-end snapshot rows and their events (hire, promotions, raises, termination), both by year.
 * JSON only: two tables do not fit one CSV; the events and snapshot endpoints filter on employee_id
 * for CSV.
 *
 * <p>For runs with an {@link EmployeeIndex}, the rows are read from its copies: the lookup compares
 * the id's key (which prunes the copy's row groups) and the id itself, both bound, so every lookup of a
 * run reuses one prepared statement per mart.
 */
final class EmployeeHistoryEndpoint {

    private static final Set<String> PARAMETERS = Set.of("format");
    private static final int MAX_ID_LENGTH = 128;

    private final PublishedMarts marts;

    EmployeeHistoryEndpoint(PublishedMarts marts) {
        this.marts = marts;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "an employee's history");
        ResponseFormat.negotiate(params, ctx.header("Accept"), false);
        String employeeId = ctx.pathParam("employee_id");
        if (employeeId.isEmpty() || employeeId.length() > MAX_ID_LENGTH
                || employeeId.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.badParameter("employee_id", "The employee id must be 1 to " + MAX_ID_LENGTH
                    + " characters without control characters.");
        }
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        Validators validators = Validators.of(run, ResponseFormat.JSON);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        ResultTable snapshots;
        ResultTable events;
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            MartDatabase.Deadline deadline = marts.deadline();
            snapshots = rowsOf(views, Marts.SNAPSHOT, "simulation_year, trial", employeeId, deadline);
            events = rowsOf(views, Marts.EVENTS, "simulation_year, trial, effective_date, event_sequence", employeeId,
                    deadline);
        }
        if (snapshots.rows().isEmpty() && events.rows().isEmpty()) {
            throw ApiError.notFound("No such employee in this scenario.", "employee_id");
        }
        Map<String, Object> body = RunEnvelope.of(run);
        body.put("employee_id", employeeId);
        body.put("snapshots", snapshots);
        body.put("events", events);
        Replies.send(ctx, validators, Replies.json(body));
    }

    private ResultTable rowsOf(RunViews views, String mart, String order, String employeeId,
            MartDatabase.Deadline deadline) {
        List<MartColumn> columns = views.requireMart(mart);
        StringJoiner select = new StringJoiner(", ");
        columns.stream().map(MartColumn::name).filter(n -> !n.equals("scenario_id") && !n.equals("employee_id"))
                .forEach(n -> select.add(RunViews.quote(n)));
        Optional<String> indexed = views.employeeIndexed(mart);
        if (indexed.isPresent()) {
            return marts.query(deadline, "SELECT " + select + " FROM " + indexed.get() + " WHERE "
                    + EmployeeIndex.KEY + " = CAST(? AS UBIGINT) AND employee_id = ? ORDER BY " + order + " LIMIT "
                    + Marts.MAX_ROWS, List.of(EmployeeIndex.keyDigits(employeeId), employeeId));
        }
        String sql = "SELECT " + select + " FROM " + views.relation(mart) + " WHERE employee_id = ? ORDER BY " + order
                + " LIMIT " + Marts.MAX_ROWS;
        return marts.query(deadline, sql, List.of(employeeId));
    }
}
