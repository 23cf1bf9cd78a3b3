package io.planwise.projection;

import io.planwise.warehouse.RunManifest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run left behind. A detached submission (a cluster's REST API, {@code flink run -d})
 * returns as soon as the job is submitted: manifest is then null, and the job publishes the run
 * itself when it finishes.
 */
public record ProjectionResult(String scenarioId, String runId, Path runDir, RunManifest manifest, Duration elapsed,
        String jobId) {

    public boolean detached() {
        return manifest == null;
    }
}
