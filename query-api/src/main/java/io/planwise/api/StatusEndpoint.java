package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /api/v1/status}: per scenario the caller may read, the current run, when it was published
 * (the moment the data last changed) and each mart's row and file counts, all from the manifests.
 * CSV has one line per scenario and mart.
 */
final class StatusEndpoint {

    private static final Set<String> PARAMETERS = Set.of("format");

    private final ScenarioAccess access;

    StatusEndpoint(ScenarioAccess access) {
        this.access = access;
    }

    void handle(Context ctx) {
        RequestParameters params = RequestParameters.of(ctx).allowOnly(PARAMETERS, "the status");
        ResponseFormat format = ResponseFormat.negotiate(params, ctx.header("Accept"), true);
        List<RunManifest> runs = access.allReadable(Authentication.caller(ctx));
        Validators validators = Validators.of(runs, format);
        if (validators.answerNotModified(ctx)) {
            return;
        }
        if (format != ResponseFormat.JSON) {
            Replies.send(ctx, validators, Replies.table(format, Map.of(), perMart(runs),
                    Download.of(ctx, params, access, "status", runs)));
            return;
        }
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (RunManifest run : runs) {
            Map<String, Object> s = RunEnvelope.of(run);
            Map<String, Object> marts = new LinkedHashMap<>();
            run.marts().forEach((name, entry) -> marts.put(name, describe(entry)));
            s.put("marts", marts);
            scenarios.add(s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario_count", runs.size());
        body.put("last_published_at", runs.stream().map(RunManifest::publishedAt).max(Comparator.naturalOrder())
                .orElse(null));
        body.put("scenarios", scenarios);
        Replies.send(ctx, validators, Replies.json(body));
    }

    private static Map<String, Object> describe(MartEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row_count", entry.rowCount());
        m.put("files", entry.files().size());
        List<Integer> years = entry.files().stream().map(MartFile::simulationYear).filter(Objects::nonNull)
                .distinct().sorted().toList();
        m.put("first_year", years.isEmpty() ? null : years.get(0));
        m.put("last_year", years.isEmpty() ? null : years.get(years.size() - 1));
        return m;
    }

    private static ResultTable perMart(List<RunManifest> runs) {
        List<ResultTable.Column> columns = List.of(new ResultTable.Column("scenario_id", "VARCHAR"),
                new ResultTable.Column("run_id", "VARCHAR"), new ResultTable.Column("published_at", "TIMESTAMP"),
                new ResultTable.Column("mart", "VARCHAR"), new ResultTable.Column("row_count", "BIGINT"),
                new ResultTable.Column("files", "INTEGER"));
        List<Object[]> rows = new ArrayList<>();
        for (RunManifest run : runs) {
            Instant published = run.publishedAt();
            run.marts().forEach((name, entry) -> rows.add(new Object[] {run.scenarioId(), run.runId(), published, name,
                    entry.rowCount(), entry.files().size()}));
        }
        return new ResultTable(columns, rows);
    }
}
