package io.planwise.warehouse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The published description of one run of one scenario: the content of {@code current/<scenario_id>.json}.
 * See {@link ManifestStore} for what it promises to readers.
 *
 * @param scenarioId scenario the run belongs to
 * @param runId the run, see {@link RunIds}
 * @param publishedAt when it was published; ISO-8601 in JSON
 * @param runDir run directory relative to the warehouse root, forward slashes ({@code runs/<scenario>/<run>})
 * @param marts every mart of the run by name, sorted by name
 */
public record RunManifest(
        @JsonProperty("scenario_id") String scenarioId,
        @JsonProperty("run_id") String runId,
        @JsonProperty("published_at") Instant publishedAt,
        @JsonProperty("run_dir") String runDir,
        @JsonProperty("marts") Map<String, MartEntry> marts)
        implements Serializable {

    @JsonCreator
    public RunManifest {
        WarehouseLayout.checkScenarioId(scenarioId);
        WarehouseLayout.checkRunId(runId);
        if (publishedAt == null) {
            throw new IllegalArgumentException("The manifest of run '" + runId + "' has no published_at.");
        }
        if (runDir == null || runDir.isEmpty()) {
            throw new IllegalArgumentException("The manifest of run '" + runId + "' has no run_dir.");
        }
        SortedMap<String, MartEntry> sorted = new TreeMap<>(marts == null ? Map.of() : marts);
        marts = Collections.unmodifiableSortedMap(sorted);
    }

    /** A manifest whose {@code run_dir} is the standard {@code runs/<scenarioId>/<runId>}. */
    public RunManifest(String scenarioId, String runId, Instant publishedAt, Map<String, MartEntry> marts) {
        this(scenarioId, runId, publishedAt, WarehouseLayout.relativeRunDir(scenarioId, runId), marts);
    }

    /**
     * The absolute paths of the files of one mart, in manifest order.
     *
     * @throws IllegalArgumentException if the manifest has no such mart, or a listed path leaves the warehouse
     */
    public List<Path> filesOf(String mart, WarehouseLayout layout) {
        MartEntry entry = marts.get(mart);
        if (entry == null) {
            throw new IllegalArgumentException("Run '" + runId + "' of scenario '" + scenarioId
                    + "' has no mart '" + mart + "'; it has " + marts.keySet() + ".");
        }
        return entry.files().stream().map(f -> layout.resolve(f.path())).toList();
    }
}
