package io.planwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresLoader;
import io.planwise.connector.postgres.PostgresRowSource;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusRow;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.projection.CensusSources;
import io.planwise.projection.ProjectionJob;
import io.planwise.projection.ProjectionResult;
import io.planwise.projection.ProjectionSettings;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code planwise project}: one projection run. Embedded (a local Flink MiniCluster with its
 * dashboard) unless the jar was submitted to a cluster with {@code flink run}, in which case the
 * cluster's environment is used as is.
 */
final class ProjectCommand {
    static final Set<String> OPTIONS = Set.of("census", "config", "assumptions", "warehouse", "parallelism", "scenario",
            "start-year", "end-year", "seed", "dashboard-port", "census-table", "census-query", "db-user", "db-password");

    private final PrintStream out;

    ProjectCommand(PrintStream out) {
        this.out = out;
    }

    ProjectionResult run(CommandLine cl) throws Exception {
        String census = cl.require("census");
        boolean fromDatabase = PostgresEndpoint.isJdbcUrl(census);
        if (!fromDatabase && !Files.isRegularFile(Path.of(census))) {
            throw new CommandLine.UsageException("census file " + census + " does not exist");
        }
        ScenarioConfig config = cl.get("config") == null ? ScenarioConfig.defaults() : ScenarioConfig.load(Path.of(cl.get("config")));
        if (config.warning() != null) {
            out.println("warning: " + config.warning());
        }
        if (cl.get("scenario") != null) {
            config = config.withScenarioId(cl.get("scenario"));
        }
        if (cl.get("start-year") != null || cl.get("end-year") != null) {
            config = config.withYears((int) cl.number("start-year", config.startYear()),
                    (int) cl.number("end-year", config.endYear()));
        }
        if (cl.get("seed") != null) {
            config = config.withSeed(cl.number("seed", config.randomSeed()));
        }
        Assumptions assumptions = loadAssumptions(cl);
        WarehouseLayout warehouse = new WarehouseLayout(Path.of(cl.get("warehouse", "warehouse")));
        String runId = RunIds.next(Clock.systemUTC());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        int parallelism;
        if (env instanceof LocalStreamEnvironment) {
            Configuration conf = new Configuration();
            String port = cl.get("dashboard-port", "8081-8099");
            conf.set(RestOptions.BIND_PORT, port);
            conf.setString("restart-strategy.type", "none");
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
            out.printf("Flink dashboard: http://localhost:%s (while the job runs)%n", port.split("-")[0]);
            parallelism = (int) cl.number("parallelism", Math.max(1, Runtime.getRuntime().availableProcessors()));
            env.setParallelism(parallelism);
        } else {
            // On a cluster the submission (flink run -p, the REST API's parallelism) decides unless told here.
            if (cl.get("parallelism") != null) {
                env.setParallelism((int) cl.number("parallelism", 1));
            }
            parallelism = env.getParallelism();
        }
        Source<CensusRow, ?, ?> source;
        String censusDescription;
        if (fromDatabase) {
            PostgresRowSource<CensusRow> table = CensusSources.postgres(endpoint(cl, census), cl.get("census-table"),
                    cl.get("census-query"), Math.max(2, parallelism * 2));
            source = table.source();
            censusDescription = table.description();
            out.printf("census: %,d rows in %s, read in %d parallel splits%n", table.rows(), table.description(),
                    table.splits());
        } else {
            source = CensusSources.file(Path.of(census));
            censusDescription = Path.of(census).toAbsolutePath().toString();
        }
        out.printf("projecting %s · scenario %s · %d-%d · seed %d · parallelism %d · run %s%n", censusDescription,
                config.scenarioId(), config.startYear(), config.endYear(), config.randomSeed(), parallelism, runId);

        ProjectionSettings settings = new ProjectionSettings(config, assumptions, warehouse, runId, censusDescription,
                false);
        ProjectionResult result = new ProjectionJob(settings, source).execute(env);
        if (result.detached()) {
            out.printf("submitted job %s (detached); it publishes run %s to %s when it finishes%n", result.jobId(),
                    runId, warehouse.manifestPath(config.scenarioId()));
            return result;
        }
        printSummary(result, warehouse);
        return result;
    }

    static PostgresEndpoint endpoint(CommandLine cl, String url) {
        return PostgresEndpoint.of(url, cl.get("db-user"), cl.get("db-password"), System.getenv());
    }

    /** A seed directory, a PostgreSQL database holding the assumption tables, or the bundled defaults. */
    private static Assumptions loadAssumptions(CommandLine cl) throws java.io.IOException {
        String from = cl.get("assumptions");
        if (from == null) {
            return Assumptions.bundledDefaults();
        }
        if (!PostgresEndpoint.isJdbcUrl(from)) {
            return Assumptions.load(Path.of(from));
        }
        Path dir = Files.createTempDirectory("planwise-assumptions");
        try {
            PostgresLoader.exportTables(endpoint(cl, from), AssumptionTables.NAMES, dir);
            return Assumptions.load(dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void printSummary(ProjectionResult result, WarehouseLayout warehouse) {
        JsonNode record = RunRecordFile.read(result.runDir());
        JsonNode census = record.path("census");
        out.printf("%ncensus: %d rows read · %d baseline · %d terminated before start · %d not yet hired · %d rejected · %d warnings%n",
                census.path("rows_read").asLong(), census.path("baseline").asLong(),
                census.path("terminated_before_start").asLong(), census.path("not_yet_hired").asLong(),
                census.path("rejected").asLong(), census.path("warnings").asLong());
        out.printf("%n%6s %10s %8s %12s %10s %10s %16s%n", "year", "start", "hires", "terminations", "ending", "growth",
                "payroll");
        for (JsonNode y : record.path("years")) {
            long start = y.path("starting_workforce").asLong();
            long end = y.path("ending_workforce").asLong();
            long terms = y.path("experienced_terminations").asLong() + y.path("new_hire_terminations").asLong()
                    + y.path("rif_terminations").asLong();
            out.printf("%6d %,10d %,8d %,12d %,10d %9.1f%% %,16.0f%n", y.path("simulation_year").asInt(), start,
                    y.path("hires").asLong(), terms, end, start == 0 ? 0 : 100.0 * (end - start) / start,
                    y.path("ending_payroll").asDouble());
        }
        long failed = 0;
        for (JsonNode c : record.path("checks")) {
            failed += c.path("passed").asBoolean() ? 0 : 1;
        }
        out.printf("%nchecks: %d of %d passed · %s in %.1f s%n", record.path("checks").size() - failed,
                record.path("checks").size(), result.manifest().publishedAt(), result.elapsed().toMillis() / 1000.0);
        out.printf("published run %s → %s%n", result.runId(), warehouse.manifestPath(result.scenarioId()));
        out.printf("marts: %s%n", result.runDir());
        out.printf("%nlook at it with DuckDB, e.g.:%n  duckdb -c \"SELECT simulation_year, level_id, ending_headcount, "
                + "ending_avg_compensation FROM read_parquet('%s/fct_workforce_summary/*/*.parquet', hive_partitioning=true) "
                + "ORDER BY ALL\"%n", result.runDir());
    }
}
