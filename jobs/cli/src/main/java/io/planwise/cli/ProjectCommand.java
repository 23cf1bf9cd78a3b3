package io.planwise.cli;

import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunRetention;
import io.planwise.warehouse.WarehouseLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code planwise project}: one projection run on the engine {@code --engine} names. Everything a
 * planner can get wrong is checked here, before an engine starts ({@link InputChecks}, the config
 * and assumption readers); then the engine runs and the summary is printed from {@code _run.json}.
 */
final class ProjectCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("census", "FILE|JDBC_URL", null, "the census: a CSV or Parquet file, or a PostgreSQL database"),
            Option.of("config", "YAML", "the defaults of the configuration reference", "scenario configuration (PlanWise's simulation_config.yaml)"),
            Option.of("assumptions", "DIR|JDBC_URL", "the bundled PlanWise seeds", "assumption tables: a seed directory or a database"),
            Option.of("warehouse", "DIR", "warehouse", "where runs are written and published"),
            Option.of("engine", "flink|sql", ProjectionEngines.DEFAULT, "the Flink job or the DuckDB SQL models"),
            Option.of("parallelism", "N", "the number of cores; on a cluster, the submission's", "parallel tasks (Flink) or threads (DuckDB)"),
            Option.of("scenario", "ID", "the config's scenario_id", "scenario id the run is published under"),
            Option.of("start-year", "Y", "the config's", "first simulated year"),
            Option.of("end-year", "Y", "the config's", "last simulated year"),
            Option.of("seed", "S", "the config's", "random seed"),
            Option.of("trials", "N", "the config's", "Monte Carlo trials (1 … 100,000)"),
            Option.of("detail-trials", "K", "the config's", "trials that write events and snapshot rows"),
            DashboardBinding.ADDRESS, DashboardBinding.PORTS,
            Option.of("census-table", "TABLE", "census", "census table, with --census jdbc:…"),
            Option.of("census-query", "SQL", null, "a query instead of a table, with --census jdbc:…"),
            DatabaseInputs.USER, DatabaseInputs.PASSWORD);
    static final Usage USAGE = new Usage("project", "run a projection (embedded, or on the cluster under `flink run`) and publish its marts", 1, OPTIONS);

    private final ProjectionEngines engines;

    ProjectCommand(ProjectionEngines engines) {
        super(USAGE);
        this.engines = engines;
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        project(options, out);
    }

    ProjectionRun project(Options options, PrintStream out) throws Exception {
        ProjectionEngine engine = engines.named(options.get("engine"));
        // Null when a cluster submission decides (flink run -p, the REST API's parallelism).
        Integer parallelism = engine.defaultParallelism();
        if (options.has("parallelism")) {
            parallelism = options.atLeast("parallelism", 1, 1, "how many tasks run at once");
        }
        String census = options.require("census");
        if (!DatabaseInputs.isJdbcUrl(census) && (options.has("census-table") || options.has("census-query"))) {
            throw new UsageException("--census-table and --census-query need --census jdbc:…");
        }
        if (options.has("census-table") && options.has("census-query")) {
            throw new UsageException("--census-table and --census-query name the census twice: give one of them");
        }
        Path censusFile = null;
        PostgresRelation censusTable = null;
        if (DatabaseInputs.isJdbcUrl(census)) {
            censusTable = DatabaseInputs.census(DatabaseInputs.endpoint(options, census), options.get("census-table"),
                    options.get("census-query"));
            out.printf("census: %,d rows in %s%n", censusTable.rows(), censusTable.description());
        } else {
            censusFile = InputChecks.censusFile(census);
        }
        ScenarioConfig config = config(options, out);
        Assumptions assumptions = assumptions(options);
        WarehouseLayout warehouse = InputChecks.warehouse(options.get("warehouse", "warehouse"));
        String runId = RunIds.next(Clock.systemUTC());

        out.printf("projecting %s · scenario %s · %d-%d · seed %d%s · %s · run %s%n",
                censusFile != null ? censusFile : censusTable.description(), config.scenarioId(), config.startYear(),
                config.endYear(), config.randomSeed(), config.trials() == 1 ? "" : String.format(
                        " · %,d trials (%,d with events)", config.trials(), config.detailTrials()), engine.describe(parallelism == null ? 0 : parallelism), runId);
        ProjectRequest request = new ProjectRequest(censusFile, censusTable, config, assumptions, warehouse, runId,
                parallelism, DashboardBinding.of(options));
        ProjectionRun run;
        try {
            run = engine.project(request, out);
        } catch (Exception | Error e) {
            // A run that failed before its publish step still gets the clean-up a publish would do.
            pruneAfterFailure(warehouse, config.scenarioId(), out);
            throw e;
        }
        if (run.detached()) {
            out.printf("submitted job %s (detached); it publishes run %s to %s when it finishes%n", run.jobId(),
                    runId, warehouse.manifestPath(config.scenarioId()));
        } else {
            RunSummary.print(run, warehouse, out);
        }
        return run;
    }

    private static void pruneAfterFailure(WarehouseLayout warehouse, String scenarioId, PrintStream out) {
        try {
            new RunRetention(warehouse, Clock.systemUTC()).prune(scenarioId);
        } catch (RuntimeException e) {
            out.println("warning: could not remove old runs of scenario " + scenarioId + ": " + e.getMessage());
        }
    }

    /** The config file (or the defaults) with the command line's overrides, validated again. */
    static ScenarioConfig config(Options options, PrintStream out) {
        ScenarioConfig config = options.has("config") ? ScenarioConfig.load(Path.of(options.get("config")))
                : ScenarioConfig.defaults();
        if (config.warning() != null) {
            out.println("warning: " + config.warning());
        }
        if (options.has("scenario")) {
            config = config.withScenarioId(options.get("scenario"));
        }
        if (options.has("start-year") || options.has("end-year")) {
            config = config.withYears((int) options.wholeNumber("start-year", config.startYear()),
                    (int) options.wholeNumber("end-year", config.endYear()));
        }
        if (options.has("seed")) {
            config = config.withSeed(options.wholeNumber("seed", config.randomSeed()));
        }
        if (options.has("trials") || options.has("detail-trials")) {
            config = config.withTrials((int) options.wholeNumber("trials", config.trials()),
                    (int) options.wholeNumber("detail-trials", config.detailTrials()));
        }
        return config;
    }

    /** The assumptions --assumptions names (a seed directory or a database), or the bundled ones. */
    static Assumptions assumptions(Options options) throws Exception {
        String from = options.get("assumptions");
        if (from == null) {
            return Assumptions.bundledDefaults();
        }
        if (DatabaseInputs.isJdbcUrl(from)) {
            return DatabaseInputs.assumptions(DatabaseInputs.endpoint(options, from));
        }
        return Assumptions.load(Path.of(from));
    }
}
