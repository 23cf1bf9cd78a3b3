package io.planwise.projection;

import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.WarehouseLayout;

/**
 * What one projection run needs besides its census source.
 *
 * @param censusDescription where the census came from, for the run record (a path or a query)
 * @param failAfterCommit test hook: fail after the marts are committed, before publishing
 */
public record ProjectionSettings(
        ScenarioConfig config,
        Assumptions assumptions,
        WarehouseLayout warehouse,
        String runId,
        String censusDescription,
        boolean failAfterCommit) {}
