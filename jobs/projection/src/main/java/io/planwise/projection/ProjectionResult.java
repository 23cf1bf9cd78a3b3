package io.planwise.projection;

import io.planwise.warehouse.RunManifest;
import java.nio.file.Path;
import java.time.Duration;

/** What a finished, published run left behind. */
public record ProjectionResult(String scenarioId, String runId, Path runDir, RunManifest manifest, Duration elapsed) {}
