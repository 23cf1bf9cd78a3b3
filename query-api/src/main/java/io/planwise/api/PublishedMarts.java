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

    /**
     * How many trials a per-trial mart of the run holds (its trials are 0 … n − 1, MODEL.md section 6),
     * counted from the run's own rows once per run. The rows, not {@code _run.json}: the record is
     * rewritten after the manifest is published and older records have no {@code trials}, while the
     * rows are exactly what the request reads; both engines write needs and summary rows for every trial.
     */
    int trials(MartDatabase.Deadline deadline, RunViews views, String mart) {
        return views.countedTrials(mart).orElseGet(() -> {
            Object n = query(deadline, "SELECT count(DISTINCT " + RunViews.quote(Marts.TRIAL) + ") AS trials FROM "
                    + views.relation(mart), List.of()).single();
            int trials = ((Number) n).intValue();
            views.rememberTrials(mart, trials);
            return trials;
        });
    }
}
