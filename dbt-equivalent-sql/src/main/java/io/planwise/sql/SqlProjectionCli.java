package io.planwise.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code planwise project --engine sql}: one projection run on the SQL models ({@link SqlProjection}),
 * with the options and the summary of {@code planwise project}. A leading {@code project} argument is
 * accepted and ignored. Exit status 0 when published, 2 for a usage error, 1 for any failure, which
 * is reported in one line ({@code planwise: error: ...}) on stderr.
 */
public final class SqlProjectionCli {
    static final String USAGE = """
            usage: planwise project --engine sql --census FILE [--config YAML] [--assumptions DIR]
                    [--warehouse DIR] [--parallelism N] [--scenario ID] [--start-year Y] [--end-year Y] [--seed S]
            """;

    private final PrintStream out;

    SqlProjectionCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && rest.get(0).equals("project")) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            new SqlProjectionCli(out).project(new ProjectOptions(rest));
            return 0;
        } catch (ProjectOptions.UsageException e) {
            err.println("planwise: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RunNotPublishedException e) {
            err.println("planwise: error: " + e.getMessage());
            return 1;
        } catch (Throwable e) {
            err.println("planwise: error: " + rootCause(e));
            e.printStackTrace(err);
            return 1;
        }
    }

    SqlProjectionResult project(ProjectOptions options) throws Exception {
        Path census = Path.of(options.require("census"));
        if (!Files.isRegularFile(census)) {
            throw new ProjectOptions.UsageException("census file " + census + " does not exist");
        }
        ScenarioConfig config = options.get("config") == null ? ScenarioConfig.defaults()
                : ScenarioConfig.load(Path.of(options.get("config")));
        if (config.warning() != null) {
            out.println("warning: " + config.warning());
        }
        if (options.get("scenario") != null) {
            config = config.withScenarioId(options.get("scenario"));
        }
        if (options.get("start-year") != null || options.get("end-year") != null) {
            config = config.withYears((int) options.number("start-year", config.startYear()),
                    (int) options.number("end-year", config.endYear()));
        }
        if (options.get("seed") != null) {
            config = config.withSeed(options.number("seed", config.randomSeed()));
        }
        Assumptions assumptions = Assumptions.load(options.get("assumptions") == null ? null
                : Path.of(options.get("assumptions")));
        WarehouseLayout warehouse = new WarehouseLayout(Path.of(options.get("warehouse", "warehouse")));
        String runId = RunIds.next(Clock.systemUTC());
        int parallelism = (int) options.number("parallelism", Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (parallelism < 1) {
            throw new ProjectOptions.UsageException("--parallelism must be at least 1, got " + parallelism);
        }
        out.printf("projecting %s · scenario %s · %d-%d · seed %d · SQL engine (DuckDB, %d threads) · run %s%n", census,
                config.scenarioId(), config.startYear(), config.endYear(), config.randomSeed(), parallelism, runId);
        SqlProjectionResult result = new SqlProjection(config, assumptions, warehouse, runId, parallelism).run(census);
        printSummary(result, warehouse);
        return result;
    }

    private void printSummary(SqlProjectionResult result, WarehouseLayout warehouse) {
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

    /** The innermost message, which is what a user can act on. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
