package io.planwise.connector.mart;

import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunPublisher;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a run, executed once inside the job after every part file is committed: turn
 * the committed files into the manifest's mart entries (exact file list, row counts read from the
 * Parquet footers, column types from the contract) and hand them to the warehouse's
 * {@link RunPublisher}, which publishes or refuses the run exactly as the SQL engine's runs are.
 */
public final class RunPublication<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RunPublication.class);

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

    /** Publishes the run, or records why not and throws {@link io.planwise.warehouse.RunNotPublishedException}. */
    public RunManifest publish(Collection<Path> committedFiles, PublishDecision decision) {
        RunPublisher publisher = new RunPublisher(layout, Clock.systemUTC(), LOG::warn);
        if (!decision.publish()) {
            throw publisher.refuse(decision.record(), decision.reason());
        }
        if (failAfterCommit) {
            publisher.recordFailure(decision.record(), "injected failure after commit");
            throw new IllegalStateException("injected failure after commit, before publish (test hook)");
        }
        return publisher.publish(decision.record(), marts(committedFiles));
    }

    private Map<String, MartEntry> marts(Collection<Path> committedFiles) {
        Map<String, List<MartFile>> filesByMart = new TreeMap<>();
        Path runDir = runDir();
        for (Path file : committedFiles.stream().sorted().toList()) {
            Path relative = runDir.relativize(file);
            String mart = relative.getName(0).toString();
            Integer year = null;
            if (catalog.partitionColumn() != null) {
                String partition = relative.getName(1).toString();
                year = Integer.valueOf(partition.substring(partition.indexOf('=') + 1));
            }
            filesByMart.computeIfAbsent(mart, m -> new ArrayList<>())
                    .add(new MartFile(layout.relativize(file), rowCount(file), year));
        }
        Map<String, MartEntry> marts = new TreeMap<>();
        catalog.schemas().forEach((name, schema) ->
                marts.put(name, MartEntry.of(schema.mart().manifestColumns(), filesByMart.getOrDefault(name, List.of()))));
        return marts;
    }

    private static long rowCount(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of committed file " + file, e);
        }
    }
}
