package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields that say which run an answer came from; first in every single-scenario JSON answer. */
final class RunEnvelope {

    private RunEnvelope() {}

    static Map<String, Object> of(RunManifest run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario_id", run.scenarioId());
        body.put("run_id", run.runId());
        body.put("published_at", run.publishedAt());
        return body;
    }
}
