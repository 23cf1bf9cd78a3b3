package io.planwise.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@code planwise} command: one front end for both engines and every subcommand. main() only
 * wires the defaults; each subcommand is a {@link Command}, the projection engines are
 * {@link ProjectionEngine}s found on the classpath. Every failure ends in one line
 * ({@link ErrorReport}).
 */
public final class PlanwiseCli {
    static final String VERBOSE = "--verbose";

    private final List<Command> commands;
    private final boolean insideCluster;

    PlanwiseCli(List<Command> commands, boolean insideCluster) {
        this.commands = commands.stream().sorted(Comparator.comparingInt(c -> c.usage().order())).toList();
        this.insideCluster = insideCluster;
        commands.stream().filter(DemoCommand.class::isInstance).forEach(c -> ((DemoCommand) c).attach(this));
    }

    /** The front end's commands and every command and engine the classpath provides. */
    public static PlanwiseCli fromClasspath() {
        ProjectionEngines engines = ProjectionEngines.fromClasspath();
        List<Command> all = new ArrayList<>(List.of(new ProjectCommand(engines), new DemoCommand()));
        ServiceLoader.load(Command.class).forEach(all::add);
        return new PlanwiseCli(all, engines.insideCluster());
    }

    public static void main(String[] args) throws java.io.IOException {
        // Claimed before any engine class loads: Flink reads java.io.tmpdir into its option defaults
        // when its classes initialize. Inside a cluster the JobManager read it long ago, at its start,
        // and owns its temp directories, so the claim is given up at once there.
        ScratchDirectory scratch = ScratchDirectory.claim();
        PlanwiseCli cli = fromClasspath();
        int code;
        if (cli.insideCluster) {
            scratch.close();
            code = cli.run(args, System.out, System.err);
        } else {
            try (scratch) {
                code = cli.run(args, System.out, System.err);
            }
        }
        if (cli.insideCluster) {
            // Submitted through a cluster's REST API, main() runs inside the JobManager's JVM:
            // System.exit would stop the cluster, so failure is reported by throwing instead.
            if (code != 0) {
                throw new IllegalStateException("planwise " + String.join(" ", args) + " failed with exit code " + code);
            }
            return;
        }
        System.exit(code);
    }

    /** Runs one command line; returns the exit status (0, 1 for a failed run, 2 for a usage error). */
    public int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean verbose = args.remove(VERBOSE) || "1".equals(System.getenv("PLANWISE_DEBUG"));
        ErrorReport report = new ErrorReport(err, verbose);
        if (args.isEmpty() || List.of("--help", "-h", "help").contains(args.get(0))) {
            out.print(overview());
            return args.isEmpty() ? ErrorReport.USAGE : 0;
        }
        String name = args.get(0);
        Command command = commands.stream().filter(c -> c.usage().name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            return report.usage(null, new UsageException("unknown command '" + name + "'"));
        }
        try {
            command.run(Options.parse(name, args.subList(1, args.size()), command.usage().options()), out);
            return 0;
        } catch (Options.HelpRequested e) {
            out.print(help(command));
            return 0;
        } catch (UsageException e) {
            return report.usage(name, e);
        } catch (Throwable e) {
            return report.failed(e);
        }
    }

    Command command(String name) {
        return commands.stream().filter(c -> c.usage().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("this planwise build has no '" + name + "' command"));
    }

    String overview() {
        StringBuilder s = new StringBuilder("usage: planwise <command> [options]   (planwise <command> --help for its options;\n"
                + "       --verbose, or PLANWISE_DEBUG=1, adds the stack trace to an error)\n\n");
        for (Command c : commands) {
            s.append(String.format("  %-16s %s%n", c.usage().name(), c.usage().summary()));
        }
        return s.toString();
    }

    static String help(Command command) {
        StringBuilder s = new StringBuilder("usage: planwise " + command.usage().name() + " [options]\n  " + command.usage().summary()
                + "\n\n");
        for (Option o : command.usage().options()) {
            String left = "--" + o.name() + " " + o.value();
            s.append(String.format("  %-28s %s%s%n", left, o.help(),
                    o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")"));
        }
        return s.toString();
    }
}
