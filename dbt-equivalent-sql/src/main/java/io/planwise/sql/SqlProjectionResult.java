package io.planwise.sql;

import io.planwise.warehouse.RunManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a finished, published SQL run left behind, and what its invariant tests found (nothing). */
public record SqlProjectionResult(String scenarioId, String runId, Path runDir, RunManifest manifest, Duration elapsed,
        List<InvariantTestOutcome> tests) {}
