package io.planwise.cli;

import io.planwise.connector.postgres.table.PostgresRowSource;
import io.planwise.model.census.CensusRow;
import io.planwise.projection.CensusSources;
import io.planwise.projection.ProjectionJob;
import io.planwise.projection.ProjectionSettings;
import java.io.PrintStream;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code --engine flink}: the projection as the Flink BATCH job ({@link ProjectionJob}). Embedded (a
 * local MiniCluster with its dashboard) unless the jar was submitted to a cluster with
 * {@code flink run} or the REST API, in which case the cluster's environment is used as is.
 */
public final class FlinkProjectionEngine implements ProjectionEngine {

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public String describe(int parallelism) {
        return "Flink" + (insideCluster() ? " on the cluster" : "") + ", parallelism " + (parallelism == 0
                ? "of the submission" : parallelism);
    }

    @Override
    public boolean insideCluster() {
        return !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
    }

    @Override
    public Integer defaultParallelism() {
        // On a cluster the submission (flink run -p, the REST API's parallelism) decides unless told.
        return insideCluster() ? null : ProjectionEngine.super.defaultParallelism();
    }

    @Override
    public ProjectionRun project(ProjectRequest request, PrintStream out) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (env instanceof LocalStreamEnvironment) {
            Configuration conf = new Configuration();
            String dashboard = LocalDashboard.configure(conf, request.dashboard());
            conf.setString("restart-strategy.type", "none");
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
            out.printf("Flink dashboard: %s (while the job runs)%n", dashboard);
        }
        if (request.parallelism() != null) {
            env.setParallelism(request.parallelism());
        }
        Source<CensusRow, ?, ?> source;
        String censusDescription;
        if (request.censusTable() != null) {
            PostgresRowSource<CensusRow> table = CensusSources.postgres(request.censusTable(),
                    Math.max(2, env.getParallelism() * 2));
            source = table;
            censusDescription = table.description();
            out.printf("census: read in %d parallel splits%n", table.splits());
        } else {
            source = CensusSources.file(request.censusFile());
            censusDescription = request.censusFile().toString();
        }
        ProjectionSettings settings = new ProjectionSettings(request.config(), request.assumptions(), request.warehouse(),
                request.runId(), censusDescription, false);
        return new ProjectionJob(settings, source).execute(env);
    }
}
