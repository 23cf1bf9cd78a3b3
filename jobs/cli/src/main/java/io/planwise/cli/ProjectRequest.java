package io.planwise.cli;

import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;

/**
 * One projection as the front end hands it to an engine, every input read and checked.
 *
 * @param censusFile the census file, or null when the census is in a database
 * @param censusDatabase where the census table lives, or null for a file
 * @param censusTable the table ({@code --census-table}), or null for the default {@code census}
 * @param censusQuery a query instead of a table ({@code --census-query}), or null
 * @param parallelism tasks (Flink) or threads (DuckDB); null lets a cluster submission decide
 * @param dashboardPort the local Flink dashboard's port or range
 */
public record ProjectRequest(
        Path censusFile,
        DatabaseLogin censusDatabase,
        String censusTable,
        String censusQuery,
        ScenarioConfig config,
        Assumptions assumptions,
        WarehouseLayout warehouse,
        String runId,
        Integer parallelism,
        String dashboardPort) {
}
