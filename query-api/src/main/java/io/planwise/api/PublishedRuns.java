package io.planwise.api;

import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current manifest of each scenario, re-read whenever its file in {@code current/} changed.
 *
 * <p>A publish renames a new file over the manifest, so the manifest's inode, size or modification
 * time change with every publish; a {@code stat} per request is enough to notice, and the JSON is
 * parsed only when it did. If a publish lands between the stat and the read, the new manifest is
 * cached under the old attributes and simply read once more on the next request: a caller always gets
 * one complete manifest, old or new.
 */
final class PublishedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedRuns.class);

    private final ManifestStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    PublishedRuns(ManifestStore store) {
        this.store = store;
    }

    WarehouseLayout layout() {
        return store.layout();
    }

    /** Sorted ids of the scenarios with a manifest in {@code current/}. */
    List<String> scenarios() {
        return store.scenarios();
    }

    /**
     * The scenario's current manifest, or empty if it has none.
     *
     * @throws ApiError 503 if the manifest exists but cannot be read or parsed
     */
    Optional<RunManifest> current(String scenarioId) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(layout().manifestPath(scenarioId), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            cache.remove(scenarioId);
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(scenarioId, e);
        }
        Version version = new Version(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        Cached cached = cache.get(scenarioId);
        if (cached != null && cached.version().equals(version)) {
            return Optional.of(cached.manifest());
        }
        Optional<RunManifest> manifest;
        try {
            manifest = store.current(scenarioId);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw unreadable(scenarioId, e);
        }
        manifest.ifPresentOrElse(m -> cache.put(scenarioId, new Cached(version, m)), () -> cache.remove(scenarioId));
        return manifest;
    }

    /** The run id last seen for a scenario, without touching the disk; empty if none was seen. */
    Optional<String> lastSeenRunId(String scenarioId) {
        Cached cached = cache.get(scenarioId);
        return cached == null ? Optional.empty() : Optional.of(cached.manifest().runId());
    }

    /**
     * The run's record ({@code _run.json}: engine, trials, config, assumption fingerprints), read afresh
     * each time: the publish step rewrites it once the manifest is in place. Empty, and logged, when it
     * cannot be read; what needs it (a workbook's run sheet) says so instead of failing the answer.
     */
    Optional<RunRecord> record(RunManifest run) {
        try {
            return Optional.of(RunRecordFile.read(layout().resolve(run.runDir())));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("The run record of {}/{} cannot be read: {}", run.scenarioId(), run.runId(), e.toString());
            return Optional.empty();
        }
    }

    private static ApiError unreadable(String scenarioId, Exception e) {
        // The path and cause go to the log only; the caller learns that the scenario is unavailable.
        LOG.warn("The manifest of scenario '{}' cannot be read: {}", scenarioId, e.toString());
        return ApiError.unavailable("The published run of this scenario cannot be read right now; try again.");
    }

    /** What changes when a publish renames a new manifest into place (fileKey is null on some systems). */
    private record Version(Object fileKey, FileTime modified, long size) {}

    private record Cached(Version version, RunManifest manifest) {}
}
