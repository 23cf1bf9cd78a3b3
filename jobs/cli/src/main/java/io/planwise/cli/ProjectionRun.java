package io.planwise.cli;

import io.planwise.warehouse.RunManifest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What an engine's run became.
 *
 * @param manifest the published manifest, or null when the run was submitted detached
 * @param jobId the cluster's job id (Flink), else null
 */
public record ProjectionRun(String scenarioId, String runId, Path runDir, RunManifest manifest, Duration elapsed,
        String jobId) {

    public boolean detached() {
        return manifest == null;
    }
}
