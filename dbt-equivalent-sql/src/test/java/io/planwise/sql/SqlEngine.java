package io.planwise.sql;

import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.time.Clock;

/** Runs the SQL projection in-process with the bundled assumptions, as {@code planwise project --engine sql} does. */
final class SqlEngine {
    private SqlEngine() {}

    static SqlProjectionResult run(Path census, ScenarioConfig config, Path warehouse, int threads) throws Exception {
        return new SqlProjection(config, Assumptions.bundledDefaults(), new WarehouseLayout(warehouse),
                RunIds.next(Clock.systemUTC()), threads).run(census);
    }
}
