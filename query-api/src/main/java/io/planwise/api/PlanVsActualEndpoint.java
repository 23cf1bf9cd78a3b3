package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/scenarios/{id}/plan-vs-actual?year=Y}: per trial, month of the year and level, the
 * plan's and the actuals' end-of-month headcount and payroll, hires and terminations in the month, and
 * the variances (actual − projected), from {@code plan_vs_actual.sql} (next to this class; its header
 * explains every figure). Actual figures are null for months after the latest month with actuals.
 *
 * <p>The plan side is the scenario's current run, as for every endpoint: its {@code fct_yearly_events}
 * and {@code fct_workforce_summary} relations, narrowed to the year. The actual side is the streaming
 * job's committed {@code fct_workforce_actual_monthly} files ({@link ActualsFiles}), listed once per
 * request and read by exact path, or an empty relation before the first commit. The ETag combines the
 * run id with the state of those files, so it changes with a publish and with every commit.
 */
final class PlanVsActualEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PlanVsActualEndpoint.class);

    private static final Set<String> PARAMETERS = Set.of("format", "year", "level", "trial");
    private static final List<String> FILTERS = List.of("level", "trial");
    /** The answer's columns the filters apply to. */
    private static final List<MartColumn> FILTER_COLUMNS = List.of(new MartColumn("level_id", "INTEGER"),
            new MartColumn("trial", "INTEGER"));

    /**
     * The columns plan_vs_actual.sql reads of the actuals, with the types the run contract gives them
     * ({@link ActualsMarts#MONTHLY}); the server does not start if the contract no longer has one.
     */
    static final List<Column> ACTUALS_COLUMNS = contractColumns(ActualsMarts.MONTHLY, "month", "level_id",
            "headcount_change", "hires", "terminations", "payroll_change");

    static final String SQL_RESOURCE = "plan_vs_actual.sql";
    private static final String QUERY = load(SQL_RESOURCE);

    private final PublishedMarts marts;
    private final ActualsFiles actuals;

    PlanVsActualEndpoint(PublishedMarts marts, ActualsFiles actuals) {
        this.marts = marts;
        this.actuals = actuals;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "plan vs actual");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        String yearText = params.single("year").orElseThrow(() -> ApiError.badParameter("year",
                "Parameter 'year' is required: one of the years the scenario projects (see /api/v1/scenarios)."));
        int year = (int) RequestParameters.parseNumber("year", yearText, 1, 9999);
        MartFilters filters = MartFilters.of(params, FILTERS, "plan vs actual", FILTER_COLUMNS);
        RunManifest run = marts.access().readable(Authentication.caller(ctx), ctx.pathParam("id"), "scenario_id");
        for (String mart : List.of(Marts.EVENTS, Marts.SUMMARY)) {
            if (!run.marts().containsKey(mart)) {
                throw ApiError.notFound("The published run of this scenario has no " + mart + " mart.", null);
            }
        }
        RunExtent.checkYears(params, run, "year");
        RunExtent.checkLevels(marts, run, params, null, "level");
        // The actuals as they are now, listed once: what is read below and what the validators describe.
        ActualsFiles.Snapshot committed = actuals.snapshot();
        Validators validators = Validators.of(run, committed, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        Replies.Answer answer = marts.answers().get(AnswerCache.key("plan-vs-actual@" + committed.state(), List.of(run),
                format, params), () -> {
                    ResultTable table = compare(run, year, filters, committed);
                    Map<String, Object> envelope = RunEnvelope.of(run);
                    envelope.put("year", year);
                    envelope.put("actuals_files", committed.files().size());
                    envelope.put("actuals_through", lastActualMonth(table));
                    return Replies.table(format, envelope, table, Download.of(ctx, params, marts.access(),
                            run.scenarioId() + "-plan-vs-actual-" + year, run));
                });
        Replies.send(ctx, validators, answer);
    }

    private ResultTable compare(RunManifest run, int year, MartFilters filters, ActualsFiles.Snapshot committed) {
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            // The relations the query's header asks for, narrowed to the year (a constant filter, so a
            // view over Parquet reads only that year's files), then the query itself, unchanged.
            String sql = "WITH plan_yearly_events AS (SELECT * FROM " + views.relation(Marts.EVENTS)
                    + " WHERE simulation_year = ?),\nplan_workforce_summary AS (SELECT * FROM "
                    + views.relation(Marts.SUMMARY) + " WHERE simulation_year = ?),\nactual_workforce_monthly AS ("
                    + actualsRelation(committed) + ")\nSELECT * FROM (\n" + QUERY + "\n) AS plan_vs_actual"
                    + filters.whereClause() + "\nORDER BY trial, month, level_id";
            List<Object> values = new ArrayList<>(List.of(year, year, year));
            values.addAll(filters.values());
            try {
                return marts.query(marts.deadline(), sql, values);
            } catch (ApiError e) {
                if (e.status() == 500 && !committed.files().isEmpty()) {
                    // The plan's relations were read when the run was prepared; what failed is an actuals
                    // file (removed by a rebuild since the listing, or not what the job writes). Logged
                    // with its reference by MartDatabase.
                    LOG.warn("plan-vs-actual of run {} failed on {} actuals files: {}", run.runId(),
                            committed.files().size(), e.getMessage());
                    throw ApiError.unavailable("The actuals cannot be read right now; try again.");
                }
                throw e;
            }
        }
    }

    /**
     * The committed actuals files by exact path through the contract's reader, or no rows of the same
     * columns before the first commit; each column the query reads cast to the contract's type.
     */
    static String actualsRelation(ActualsFiles.Snapshot committed) {
        StringJoiner select = new StringJoiner(", ");
        for (Column c : ACTUALS_COLUMNS) {
            select.add("CAST(" + RunViews.quote(c.name()) + " AS " + c.type().sqlName() + ") AS "
                    + RunViews.quote(c.name()));
        }
        List<Path> files = committed.files().stream().map(ActualsFiles.CommittedFile::path).toList();
        return "SELECT " + select + " FROM (" + MartQuery.select(ActualsMarts.MONTHLY, files) + ") AS actuals";
    }

    /** The named columns of a contract mart, in the order given; a name the contract lacks is an error. */
    static List<Column> contractColumns(Mart mart, String... names) {
        List<Column> columns = new ArrayList<>(names.length);
        for (String name : names) {
            columns.add(mart.column(name).orElseThrow(() -> new IllegalStateException("plan_vs_actual.sql reads "
                    + name + " of " + mart.name() + ", which the run contract no longer declares; its columns are "
                    + mart.columnNames() + ".")));
        }
        return List.copyOf(columns);
    }

    /** The last month of the answer with actual figures, or null. */
    private static LocalDate lastActualMonth(ResultTable table) {
        int month = table.columnIndex("month");
        int actual = table.columnIndex("actual_headcount");
        LocalDate last = null;
        for (Object[] row : table.rows()) {
            if (row[actual] != null && row[month] instanceof LocalDate m && (last == null || m.isAfter(last))) {
                last = m;
            }
        }
        return last;
    }

    private static String load(String name) {
        try (InputStream in = PlanVsActualEndpoint.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + name + " is missing from the jar.");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            // Used as a subquery: no statement terminator.
            return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
