package io.planwise.connector.mart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.RunRetention;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * The last step of a run, executed once inside the job after every part file is committed: turn
 * the committed files into a manifest (exact file list, row counts read from the Parquet footers,
 * column types from the catalog), write {@code _run.json}, publish the manifest atomically and
 * prune old runs. If the job's checks failed it writes {@code _run.json} with the reason and
 * throws, so the job fails and the previous manifest stays current.
 */
public final class RunPublication<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarehouseLayout layout;
    private final String scenarioId;
    private final String runId;
    private final MartCatalog<T> catalog;
    private final boolean failAfterCommit;

    /**
     * @param failAfterCommit test hook: fail after every file is committed but before the manifest
     *     is published, to prove that such a run leaves the previous one current
     */
    public RunPublication(WarehouseLayout layout, String scenarioId, String runId, MartCatalog<T> catalog,
            boolean failAfterCommit) {
        this.layout = layout;
        this.scenarioId = WarehouseLayout.checkScenarioId(scenarioId);
        this.runId = WarehouseLayout.checkRunId(runId);
        this.catalog = catalog;
        this.failAfterCommit = failAfterCommit;
    }

    public Path runDir() {
        return layout.runDir(scenarioId, runId);
    }

    public RunManifest publish(Collection<Path> committedFiles, PublishDecision decision) {
        ObjectNode record = runRecord(decision);
        record.put("scenario_id", scenarioId).put("run_id", runId);
        if (!decision.publish()) {
            record.put("status", "rejected").put("reason", decision.reason());
            RunRecordFile.write(runDir(), record);
            throw new RunRejectedException("run " + runId + " of scenario " + scenarioId + " was not published: "
                    + decision.reason());
        }
        if (failAfterCommit) {
            record.put("status", "failed").put("reason", "injected failure after commit");
            RunRecordFile.write(runDir(), record);
            throw new IllegalStateException("injected failure after commit, before publish (test hook)");
        }
        RunManifest manifest = new RunManifest(scenarioId, runId, Instant.now(), marts(committedFiles));
        record.put("status", "published").put("published_at", manifest.publishedAt().toString());
        ObjectNode counts = record.putObject("mart_rows");
        manifest.marts().forEach((name, entry) -> counts.put(name, entry.rowCount()));
        RunRecordFile.write(runDir(), record);
        new ManifestStore(layout).publish(manifest);
        new RunRetention(layout, Clock.systemUTC()).prune(scenarioId);
        return manifest;
    }

    private Map<String, MartEntry> marts(Collection<Path> committedFiles) {
        Map<String, List<MartFile>> filesByMart = new TreeMap<>();
        Path runDir = runDir();
        for (Path file : committedFiles.stream().sorted().toList()) {
            Path relative = runDir.relativize(file);
            String mart = relative.getName(0).toString();
            String partition = relative.getName(1).toString();
            Integer year = Integer.valueOf(partition.substring(partition.indexOf('=') + 1));
            filesByMart.computeIfAbsent(mart, m -> new ArrayList<>())
                    .add(new MartFile(layout.relativize(file), rowCount(file), year));
        }
        Map<String, MartEntry> marts = new TreeMap<>();
        catalog.schemas().forEach((name, schema) -> {
            List<MartColumn> columns = new ArrayList<>();
            columns.add(new MartColumn(catalog.partitionColumn(), MartColumnType.INTEGER.sqlName));
            schema.columns().forEach(c -> columns.add(new MartColumn(c.name(), c.type().sqlName)));
            marts.put(name, MartEntry.of(columns, filesByMart.getOrDefault(name, List.of())));
        });
        return marts;
    }

    private static long rowCount(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of committed file " + file, e);
        }
    }

    private static ObjectNode runRecord(PublishDecision decision) {
        try {
            String json = decision.runRecordJson();
            return json == null || json.isBlank() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the job's run record is not a JSON object", e);
        }
    }
}
