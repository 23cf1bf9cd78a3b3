package io.planwise.warehouse;

import io.planwise.warehouse.contract.RunRecord;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The end of every run, whichever engine made it: publish it or refuse it, record which in
 * {@code _run.json}, then clean up old runs.
 *
 * <p><b>Publish.</b> {@link #publish}: the manifest (exact files, row counts, the contract's column
 * types) is moved into place with {@link ManifestStore#publish}; only then is {@code _run.json}
 * rewritten with status {@code published}, so a record never claims a publish that did not happen.
 * A crash between the two leaves the run current with its earlier record; retention never deletes
 * the current run.
 *
 * <p><b>Refuse.</b> {@link #refuse}: {@code _run.json} says {@code rejected} and why, the previous
 * manifest stays current, and {@link RunNotPublishedException} is thrown.
 *
 * <p><b>Clean-up.</b> Either way, {@link RunRetention} then prunes the warehouse. Once a run is
 * published its job has succeeded: a clean-up that fails is reported to the warning consumer, never
 * turned into a failed run.
 */
public final class RunPublisher {
    private final WarehouseLayout layout;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Consumer<String> retention;

    public RunPublisher(WarehouseLayout layout, Clock clock, Consumer<String> warnings) {
        this(layout, clock, warnings, scenarioId -> new RunRetention(layout, clock).prune(scenarioId));
    }

    /** @param retention prunes a scenario's runs (tests pass one that fails) */
    RunPublisher(WarehouseLayout layout, Clock clock, Consumer<String> warnings, Consumer<String> retention) {
        this.layout = layout;
        this.clock = clock;
        this.warnings = warnings;
        this.retention = retention;
    }

    /** Publishes the run's marts; returns the manifest now current. */
    public RunManifest publish(RunRecord record, Map<String, MartEntry> marts) {
        RunManifest manifest = new RunManifest(record.scenarioId(), record.runId(), clock.instant(), marts);
        new ManifestStore(layout).publish(manifest);
        Map<String, Long> rows = new TreeMap<>();
        manifest.marts().forEach((name, entry) -> rows.put(name, entry.rowCount()));
        RunRecordFile.write(runDir(record), record.published(manifest.publishedAt(), rows));
        prune(record.scenarioId());
        return manifest;
    }

    /** Records why the run is not published, cleans up, and throws {@link RunNotPublishedException}. */
    public RunNotPublishedException refuse(RunRecord record, String reason) {
        RunRecordFile.write(runDir(record), record.rejected(reason));
        prune(record.scenarioId());
        throw new RunNotPublishedException("run " + record.runId() + " of scenario " + record.scenarioId()
                + " was not published: " + reason);
    }

    /** Records a failure injected or met after the files were committed, and leaves the manifest alone. */
    public void recordFailure(RunRecord record, String reason) {
        RunRecordFile.write(runDir(record), record.failed(reason));
    }

    private java.nio.file.Path runDir(RunRecord record) {
        return layout.runDir(record.scenarioId(), record.runId());
    }

    private void prune(String scenarioId) {
        try {
            retention.accept(scenarioId);
        } catch (RuntimeException e) {
            warnings.accept("could not remove old runs of scenario " + scenarioId + ": " + e.getMessage());
        }
    }
}
