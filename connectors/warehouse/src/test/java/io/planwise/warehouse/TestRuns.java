package io.planwise.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds run directories with real files and manifests that list them. */
final class TestRuns {

    static final Instant PUBLISHED = Instant.parse("2025-01-14T09:30:12.345Z");

    private TestRuns() {}

    /** Creates {@code runs/<s>/<r>/} with two files of mart {@code workforce} and returns a manifest naming them. */
    static RunManifest createRun(WarehouseLayout layout, String scenario, String runId) throws IOException {
        return createRun(layout, scenario, runId, 3);
    }

    static RunManifest createRun(WarehouseLayout layout, String scenario, String runId, int extraColumns)
            throws IOException {
        Path runDir = layout.runDir(scenario, runId);
        List<MartFile> files = new ArrayList<>();
        for (int year = 2025; year <= 2026; year++) {
            Path file = runDir.resolve("workforce/simulation_year=" + year + "/part-0.parquet");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "not really parquet");
            files.add(new MartFile(layout.relativize(file), 10L * (year - 2024), year));
        }
        List<MartColumn> columns = new ArrayList<>();
        columns.add(new MartColumn("employee_id", "VARCHAR"));
        columns.add(new MartColumn("salary", "DECIMAL(18,2)"));
        for (int i = 0; i < extraColumns; i++) {
            columns.add(new MartColumn("extra_" + i, "DOUBLE"));
        }
        return new RunManifest(scenario, runId, PUBLISHED, Map.of("workforce", MartEntry.of(columns, files)));
    }

    /** {@link #createRun} plus a {@code _run.json} that says {@code "status": "published"}. */
    static RunManifest createPublishedRun(WarehouseLayout layout, String scenario, String runId) throws IOException {
        RunManifest manifest = createRun(layout, scenario, runId);
        writeRunRecord(layout, scenario, runId, "published");
        return manifest;
    }

    /**
     * Writes a minimal {@code runs/<s>/<r>/_run.json} with the given {@code status} (the fields retention
     * and a person reading the directory look at).
     */
    static void writeRunRecord(WarehouseLayout layout, String scenario, String runId, String status)
            throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("scenario_id", scenario);
        record.put("run_id", runId);
        record.put("status", status);
        Files.write(layout.runRecordPath(scenario, runId), WarehouseJson.MAPPER.writeValueAsBytes(record));
    }
}
