package io.planwise.cli;

import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;

/**
 * One projection as the front end hands it to an engine, every input read and checked.
 *
 * @param censusFile the census file, or null when the census is in a database
 * @param censusTable the census table or query in PostgreSQL, checked and numbered, or null for a file
 * @param parallelism tasks (Flink) or threads (DuckDB); null lets a cluster submission decide
 * @param dashboard where a local Flink cluster shows its dashboard
 */
public record ProjectRequest(
        Path censusFile,
        PostgresRelation censusTable,
        ScenarioConfig config,
        Assumptions assumptions,
        WarehouseLayout warehouse,
        String runId,
        Integer parallelism,
        DashboardBinding dashboard) {
}
