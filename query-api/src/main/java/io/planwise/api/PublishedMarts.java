package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import java.util.List;

/**
 * What the endpoints need from the warehouse: who may read which run, the run's relations, queries,
 * and the answers already rendered for a run.
 */
record PublishedMarts(ScenarioAccess access, RunCatalog catalog, MartDatabase database, AnswerCache answers) {

    RunLease lease(RunManifest run) {
        return catalog.lease(run);
    }

    MartDatabase.Deadline deadline() {
        return database.deadline();
    }

    ResultTable query(MartDatabase.Deadline deadline, String sql, List<Object> values) {
        return database.query(deadline, sql, values, Marts.MAX_ROWS);
    }
}
