package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.RunManifest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tabular answer is about, for its file and a workbook's "run" sheet: the file name stem, the
 * runs it read, the request (route and the parameters that shaped it) and where the runs' records come
 * from.
 *
 * <p>A CSV file is {@code <name>.csv}; a workbook is {@code <name>-<run_id>.xlsx}, or
 * {@code <name>-runs-<hash>.xlsx} when the answer read several runs (the hash of
 * {@link Validators#runsTag}), so a saved workbook names the run it shows.
 *
 * @param name file name stem, e.g. {@code base-summary-by-year}; scenario ids and fixed words only
 * @param runs the runs the answer read, as the request saw them
 * @param path the request path, e.g. {@code /api/v1/scenarios/base/summary}
 * @param filters every query parameter but {@code format}, by name, in name order
 * @param access where the runs' records are read
 */
record Download(String name, List<RunManifest> runs, String path, Map<String, List<String>> filters,
        ScenarioAccess access) {

    Download {
        runs = List.copyOf(runs);
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }

    static Download of(Context ctx, RequestParameters params, ScenarioAccess access, String name,
            List<RunManifest> runs) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String parameter : params.names()) {
            if (!parameter.equals(ResponseFormat.PARAMETER)) {
                filters.put(parameter, params.all(parameter));
            }
        }
        return new Download(name, runs, ctx.path(), filters, access);
    }

    static Download of(Context ctx, RequestParameters params, ScenarioAccess access, String name, RunManifest run) {
        return of(ctx, params, access, name, List.of(run));
    }

    String fileName(ResponseFormat format) {
        if (format == ResponseFormat.XLSX) {
            return name + "-" + (runs.size() == 1 ? runs.get(0).runId() : Validators.runsTag(runs)) + ".xlsx";
        }
        return name + "." + format.extension();
    }
}
