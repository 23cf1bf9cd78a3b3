package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which published runs a caller may read. A scenario that is malformed, unpublished or outside the
 * caller's key gets the same 404, so a caller cannot tell another tenant's scenario from none.
 */
final class ScenarioAccess {

    private final PublishedRuns published;

    ScenarioAccess(PublishedRuns published) {
        this.published = published;
    }

    /**
     * The current manifest of a scenario the caller may read: the one snapshot a request works from.
     *
     * @param parameter the path or query parameter the id came from, for the error
     * @throws ApiError 404 otherwise
     */
    RunManifest readable(Caller caller, String scenarioId, String parameter) {
        // Scope first: a scenario outside the key is never even looked up.
        if (!WarehouseLayout.isValidId(scenarioId) || !caller.mayRead(scenarioId)) {
            throw ApiError.noSuchScenario(parameter);
        }
        return published.current(scenarioId).orElseThrow(() -> ApiError.noSuchScenario(parameter));
    }

    /**
     * The record of a run the caller got from {@link #readable} or {@link #allReadable} (so already
     * within its scope), for the run sheet of a workbook; empty when it cannot be read.
     */
    Optional<RunRecord> record(RunManifest run) {
        return published.record(run);
    }

    /** The current manifests of every scenario the caller may read, by scenario id. */
    List<RunManifest> allReadable(Caller caller) {
        List<RunManifest> runs = new ArrayList<>();
        for (String id : published.scenarios()) {
            if (caller.mayRead(id)) {
                Optional<RunManifest> m;
                try {
                    m = published.current(id);
                } catch (ApiError unreadable) {
                    // One broken manifest must not hide every other scenario; it is logged already.
                    continue;
                }
                m.ifPresent(runs::add);
            }
        }
        return runs;
    }
}
