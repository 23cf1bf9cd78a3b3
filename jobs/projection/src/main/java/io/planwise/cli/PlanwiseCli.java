package io.planwise.cli;

import java.io.PrintStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code planwise} command. main() only parses and wires defaults; each subcommand is its own
 * class. Any failure ends with one clear line on stderr (the root cause) before the stack trace,
 * and a non-zero exit.
 */
public final class PlanwiseCli {
    static final String USAGE = """
            usage: planwise <command> [options]

              demo                                   project a bundled synthetic census with the default assumptions
              project --census FILE|JDBC_URL [--config YAML]  run a projection (embedded Flink, or the cluster
                      [--assumptions DIR|JDBC_URL] [--warehouse DIR] [--parallelism N]    under `flink run`)
                      [--scenario ID] [--start-year Y] [--end-year Y] [--seed S] [--dashboard-port P]
                      [--census-table T | --census-query SQL] [--db-user U] [--db-password P]
                      (credentials default to the PGUSER and PGPASSWORD environment variables)
              load-postgres --url JDBC_URL --census FILE [--assumptions DIR] [--db-user U] [--db-password P]
              generate-census --out FILE.csv|FILE.parquet [--employees N] [--seed S] [--as-of YYYY-MM-DD]
              benchmark [--sizes 60040x5,1000000x10] [--parallelism 2]   end-to-end figures per size
              append-events --url JDBC_URL --file FILE | --generate N [--seed S] [--start YYYY-MM-DD]
                      [--table hr_events] [--db-user U] [--db-password P]   append HR events to the outbox
              actuals --url JDBC_URL [--warehouse DIR] [--checkpoint-interval 10s] [--checkpoint-dir DIR]
                      [--restore CHECKPOINT] [--poll-interval 1s] [--parallelism N] [--until caught-up]
                      [--table hr_events] [--dashboard-port P]   stream the outbox into <warehouse>/actuals
            """;

    private PlanwiseCli() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (insideFlinkCluster()) {
            // Submitted through a cluster's REST API, main() runs inside the JobManager's JVM:
            // System.exit would stop the cluster, so failure is reported by throwing instead.
            if (code != 0) {
                throw new IllegalStateException("planwise " + String.join(" ", args) + " failed with exit code " + code);
            }
            return;
        }
        System.exit(code);
    }

    static boolean insideFlinkCluster() {
        return !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "project" -> new ProjectCommand(out).run(new CommandLine("project", rest, ProjectCommand.OPTIONS));
                case "generate-census" -> new GenerateCensusCommand(out)
                        .run(new CommandLine("generate-census", rest, GenerateCensusCommand.OPTIONS));
                case "demo" -> demo(rest, out);
                case "load-postgres" -> new LoadPostgresCommand(out)
                        .run(new CommandLine("load-postgres", rest, LoadPostgresCommand.OPTIONS));
                case "benchmark" -> new BenchmarkCommand(out).run(new CommandLine("benchmark", rest, BenchmarkCommand.OPTIONS));
                case "append-events" -> new AppendEventsCommand(out)
                        .run(new CommandLine("append-events", rest, AppendEventsCommand.OPTIONS));
                case "actuals" -> new ActualsCommand(out).run(new CommandLine("actuals", rest, ActualsCommand.OPTIONS));
                default -> throw new CommandLine.UsageException("unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (CommandLine.UsageException e) {
            err.println("planwise: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (Throwable e) {
            err.println("planwise: error: " + rootCause(e));
            e.printStackTrace(err);
            return 1;
        }
    }

    private static void demo(List<String> rest, PrintStream out) throws Exception {
        CommandLine cl = new CommandLine("demo", rest, java.util.Set.of("warehouse", "employees", "parallelism"));
        Path census = Path.of(".planwise", "demo-census.csv");
        new GenerateCensusCommand(out).run(new CommandLine("generate-census", List.of("--out", census.toString(),
                "--employees", cl.get("employees", "5000"), "--seed", "2024"), GenerateCensusCommand.OPTIONS));
        new ProjectCommand(out).run(new CommandLine("project", List.of("--census", census.toString(), "--scenario",
                "demo", "--warehouse", cl.get("warehouse", "warehouse"), "--parallelism", cl.get("parallelism", "2")),
                ProjectCommand.OPTIONS));
    }

    /**
     * The message a user can act on. Flink wraps failures several levels deep, and our own
     * exceptions wrap driver errors: the deepest exception of ours wins (it says what was wrong in
     * planwise terms), else the innermost message.
     */
    static String rootCause(Throwable e) {
        String ours = null;
        String innermost = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                innermost = t.getMessage();
                if (t.getClass().getName().startsWith("io.planwise.")) {
                    ours = t.getMessage();
                }
            }
        }
        String message = ours != null ? ours : innermost;
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
