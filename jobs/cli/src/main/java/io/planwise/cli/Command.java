package io.planwise.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code planwise}. The front end's own commands (project, demo) are here; the
 * engine jars add theirs (generate-census, benchmark, load-postgres, append-events, actuals) as
 * {@link java.util.ServiceLoader} services, so the front end needs neither Flink nor DuckDB.
 */
public interface Command {

    /** The word after {@code planwise}. */
    String name();

    /** One line for {@code planwise --help}. */
    String summary();

    /** Every option, as {@code planwise <name> --help} lists them. */
    List<Option> options();

    /** Runs the command; any exception becomes the one error line of {@link ErrorReport}. */
    void run(Options options, PrintStream out) throws Exception;

    /** Sorts the overview: the front end's commands first, then the engines' in a fixed order. */
    default int order() {
        return 100;
    }
}
