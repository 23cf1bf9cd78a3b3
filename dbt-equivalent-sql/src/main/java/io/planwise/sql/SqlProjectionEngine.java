package io.planwise.sql;

import io.planwise.cli.ProjectRequest;
import io.planwise.cli.ProjectionEngine;
import io.planwise.cli.ProjectionRun;
import java.io.PrintStream;

/**
 * {@code --engine sql}: the projection as the DuckDB SQL models of {@code dbt-equivalent-sql/}
 * ({@link SqlProjection}), on an in-memory DuckDB with {@code --parallelism} threads.
 */
public final class SqlProjectionEngine implements ProjectionEngine {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String describe(int parallelism) {
        return "SQL engine (DuckDB, " + parallelism + " threads)";
    }

    @Override
    public ProjectionRun project(ProjectRequest request, PrintStream out) throws Exception {
        SqlProjection projection = new SqlProjection(request.config(), request.assumptions(), request.warehouse(),
                request.runId(), request.parallelism());
        SqlProjectionResult result = request.censusTable() != null ? projection.run(request.censusTable())
                : projection.run(request.censusFile());
        return new ProjectionRun(result.scenarioId(), result.runId(), result.runDir(), result.manifest(),
                result.elapsed(), null);
    }
}
