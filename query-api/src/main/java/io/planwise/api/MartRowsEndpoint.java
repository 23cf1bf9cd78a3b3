package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code /api/v1/scenarios/{id}/events}, {@code /snapshot}, {@code /census-issues} and {@code /checks}:
 * rows of a mart, filtered on any of its columns, a page at a time.
 *
 * <p>Rows come in the order of the run's files (year, then as the job wrote them), which is the same
 * on every request against the same run, so {@code offset} pages are stable; sorting millions of rows
 * per request would cost a hundred times more than the page. {@code total} counts every matching row;
 * when the page itself shows the end was reached, no second scan is made to count. A year or level
 * outside the run is a 400 ({@link RunExtent}), not an empty page.
 *
 * <p>Where rows are read by kind (census issues by severity and reason, checks by name and outcome),
 * the JSON answer also has {@code counts}: one object per group of the matching rows, the group's
 * columns and {@code rows}, over every matching row and not just the page.
 */
final class MartRowsEndpoint {

    static final int DEFAULT_LIMIT = 100;
    /** Deeper pages would make DuckDB skip that many rows on every request. */
    static final long MAX_OFFSET = 100_000_000L;

    private static final Set<String> CONTROLS = Set.of("format", "limit", "offset", "columns");

    private final PublishedMarts marts;
    private final String mart;
    private final String name;
    /** The columns {@code counts} groups by; none for the detail marts. */
    private final List<String> countedBy;

    /**
     * @param name the route's last word, used for messages and file names
     * @param countedBy the mart's columns the answer counts matching rows by (none: no {@code counts})
     */
    MartRowsEndpoint(PublishedMarts marts, String mart, String name, List<String> countedBy) {
        this.marts = marts;
        this.mart = mart;
        this.name = name;
        this.countedBy = List.copyOf(countedBy);
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx);
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        int limit = (int) params.number("limit", DEFAULT_LIMIT, 0, Marts.MAX_ROWS);
        long offset = params.number("offset", 0, 0, MAX_OFFSET);
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        // Which filters exist depends on the mart's columns in this run's manifest.
        List<MartColumn> columns = run.marts().containsKey(mart) ? run.marts().get(mart).columns() : List.of();
        List<String> filterNames = MartFilters.namesFor(columns);
        Set<String> allowed = new LinkedHashSet<>(CONTROLS);
        allowed.addAll(filterNames);
        params.allowOnly(allowed, "the " + name + " (filters are the columns of " + mart + ")");
        List<String> selected = selectedColumns(params, columns);
        RunExtent.checkYears(params, run, "year", Marts.YEAR);
        if (filterNames.contains(Marts.LEVEL)) {
            RunExtent.checkLevels(marts, run, params, null, "level", Marts.LEVEL);
        }
        Validators validators = Validators.of(run, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }

        ResultTable page;
        ResultTable counts = null;
        long total;
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            views.requireMart(mart);
            MartFilters filters = MartFilters.of(params, filterNames, mart, columns);
            MartDatabase.Deadline deadline = marts.deadline();
            StringJoiner select = new StringJoiner(", ");
            selected.forEach(c -> select.add(RunViews.quote(c)));
            String from = " FROM " + views.relation(mart) + filters.whereClause();
            List<Object> values = new ArrayList<>(filters.values());
            values.add((long) limit);
            values.add(offset);
            page = marts.query(deadline, "SELECT " + select + from + " LIMIT ? OFFSET ?", values);
            int n = page.rows().size();
            if (n < limit && (n > 0 || offset == 0)) {
                total = offset + n;
            } else {
                total = ((Number) marts.query(deadline, "SELECT count(*) AS total" + from, filters.values()).single())
                        .longValue();
            }
            if (!countedBy.isEmpty() && format == ResponseFormat.JSON) {
                StringJoiner groups = new StringJoiner(", ");
                countedBy.forEach(c -> groups.add(RunViews.quote(c)));
                counts = marts.query(deadline, "SELECT " + groups + ", count(*) AS \"rows\"" + from + " GROUP BY ALL"
                        + " ORDER BY \"rows\" DESC, " + groups, filters.values());
            }
        }
        Map<String, Object> envelope = RunEnvelope.of(run);
        envelope.put("mart", mart);
        envelope.put("total", total);
        envelope.put("limit", limit);
        envelope.put("offset", offset);
        envelope.put("truncated", offset + page.rows().size() < total);
        if (counts != null) {
            envelope.put("counts", counts);
        }
        Replies.send(ctx, validators, Replies.table(format, envelope, page,
                Download.of(ctx, params, marts.access(), run.scenarioId() + "-" + name, run)));
    }

    /** {@code columns=a,b}: a subset of the mart's columns, in the order asked; all of them by default. */
    private List<String> selectedColumns(RequestParameters params, List<MartColumn> columns) {
        List<String> all = columns.stream().map(MartColumn::name).toList();
        String asked = params.single("columns").orElse(null);
        if (asked == null) {
            return all;
        }
        Set<String> picked = new LinkedHashSet<>();
        for (String c : asked.split(",", -1)) {
            String column = c.trim();
            if (!all.contains(column)) {
                throw ApiError.badParameter("columns", "Parameter 'columns' names a column " + mart
                        + " does not have" + (RunViews.isIdentifier(column) ? " ('" + column + "')" : "")
                        + "; its columns are " + String.join(", ", all) + ".");
            }
            if (!picked.add(column)) {
                throw ApiError.badParameter("columns", "Parameter 'columns' names '" + column + "' twice.");
            }
        }
        return List.copyOf(picked);
    }
}
