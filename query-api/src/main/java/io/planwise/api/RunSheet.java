package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.contract.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "run" sheet of a workbook: what the data sheet was read from and how it was asked for, so a
 * workbook mailed around still says which run and which filters it shows.
 *
 * <p>One row per fact, as {@code section, scenario_id, key, value}: first the request (its path and
 * each filter value), then per run its manifest (scenario, run id, publish time) and its record
 * ({@code _run.json}: engine, trials, the effective config by dotted key, one fingerprint per
 * assumption table). A run whose record cannot be read says so in one row instead. The census source
 * is left out: it is a path or database URL of the machine that ran the projection.
 */
final class RunSheet {

    static final String NAME = "run";

    private static final List<ResultTable.Column> COLUMNS = List.of(new ResultTable.Column("section", "VARCHAR"),
            new ResultTable.Column("scenario_id", "VARCHAR"), new ResultTable.Column("key", "VARCHAR"),
            new ResultTable.Column("value", "VARCHAR"));

    private RunSheet() {}

    static ResultTable of(Download download) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"request", null, "path", download.path()});
        download.filters().forEach((name, values) -> values.forEach(v -> rows.add(new Object[] {"filter", null, name, v})));
        for (RunManifest run : download.runs()) {
            String scenario = run.scenarioId();
            rows.add(new Object[] {"run", scenario, "scenario_id", scenario});
            rows.add(new Object[] {"run", scenario, "run_id", run.runId()});
            rows.add(new Object[] {"run", scenario, "published_at", run.publishedAt()});
            Optional<RunRecord> record = download.access().record(run);
            if (record.isEmpty()) {
                rows.add(new Object[] {"run", scenario, "record", "the run record (_run.json) cannot be read"});
                continue;
            }
            RunRecord r = record.get();
            rows.add(new Object[] {"run", scenario, "engine", r.engine()});
            rows.add(new Object[] {"run", scenario, "trials", r.trials()});
            rows.add(new Object[] {"run", scenario, "detail_trials", r.detailTrials()});
            for (Map.Entry<String, Object> key : r.config().entrySet()) {
                rows.add(new Object[] {"config", scenario, key.getKey(), key.getValue()});
            }
            for (Map.Entry<String, String> table : r.assumptionFingerprints().entrySet()) {
                rows.add(new Object[] {"assumption_fingerprint", scenario, table.getKey(), table.getValue()});
            }
        }
        return new ResultTable(COLUMNS, rows);
    }
}
