package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code /api/v1/scenarios}: the scenarios the caller may read, their current run and projected years. */
final class ScenariosEndpoint {

    private static final Set<String> PARAMETERS = Set.of("format");

    private final ScenarioAccess access;

    ScenariosEndpoint(ScenarioAccess access) {
        this.access = access;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "the scenario list");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        List<RunManifest> runs = access.allReadable(Authentication.caller(ctx));
        Validators validators = Validators.of(runs, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        List<ResultTable.Column> columns = List.of(new ResultTable.Column("scenario_id", "VARCHAR"),
                new ResultTable.Column("run_id", "VARCHAR"), new ResultTable.Column("published_at", "TIMESTAMP"),
                new ResultTable.Column("first_year", "INTEGER"), new ResultTable.Column("last_year", "INTEGER"));
        List<Object[]> rows = new ArrayList<>();
        for (RunManifest run : runs) {
            List<Integer> years = years(run.marts().get(Marts.SUMMARY));
            rows.add(new Object[] {run.scenarioId(), run.runId(), run.publishedAt(),
                    years.isEmpty() ? null : years.get(0), years.isEmpty() ? null : years.get(years.size() - 1)});
        }
        Replies.send(ctx, validators, Replies.table(format, Map.of(), new ResultTable(columns, rows),
                Download.of(ctx, params, access, "scenarios", runs)));
    }

    /** The years a run projects: those its summary has files for, ascending. */
    static List<Integer> years(MartEntry summary) {
        if (summary == null) {
            return List.of();
        }
        return summary.files().stream().map(MartFile::simulationYear).filter(Objects::nonNull).distinct().sorted()
                .toList();
    }
}
