package io.planwise.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code planwise}. The front end's own commands (project, demo) are here; the
 * engine jars add theirs (generate-census, benchmark, load-postgres, append-events, actuals) as
 * {@link java.util.ServiceLoader} services, so the front end needs neither Flink nor DuckDB.
 */
public abstract class Command {

    /**
     * What {@code planwise --help} and {@code planwise <name> --help} show of a command.
     *
     * @param name the word after {@code planwise}
     * @param summary one line for the overview
     * @param order where the overview lists it: the front end's commands first, then the engines'
     * @param options every option, with its default
     */
    public record Usage(String name, String summary, int order, List<Option> options) {}

    private final Usage usage;

    protected Command(Usage usage) {
        this.usage = usage;
    }

    public final Usage usage() {
        return usage;
    }

    /** Runs the command; any exception becomes the one error line of {@link ErrorReport}. */
    public abstract void run(Options options, PrintStream out) throws Exception;
}
