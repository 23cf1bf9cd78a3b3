package io.planwise.cli;

import java.io.PrintStream;

/**
 * How every failure of every command ends: exactly one line on stderr, {@code planwise: error: …},
 * in the same words whichever engine ran, and the exit status (2 for a usage error, 1 for a failed
 * run). The stack trace follows only with {@code --verbose} or {@code PLANWISE_DEBUG=1}.
 */
final class ErrorReport {
    static final int USAGE = 2;
    static final int FAILED = 1;

    private final PrintStream err;
    private final boolean verbose;

    ErrorReport(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    int usage(String command, UsageException e) {
        String help = command == null ? "planwise --help lists the commands" : "planwise " + command + " --help lists its options";
        err.println("planwise: error: " + e.getMessage() + " (" + help + ")");
        trace(e);
        return USAGE;
    }

    int failed(Throwable e) {
        err.println("planwise: error: " + message(e));
        trace(e);
        return FAILED;
    }

    private void trace(Throwable e) {
        if (verbose) {
            e.printStackTrace(err);
        }
    }

    /**
     * The message a user can act on. Flink wraps failures several levels deep, and our own
     * exceptions wrap driver errors: the deepest exception of ours wins (it says what was wrong in
     * planwise terms), else the innermost message. One line: a multi-line message keeps its first.
     */
    static String message(Throwable e) {
        String ours = null;
        String innermost = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                innermost = t.getMessage();
                if (t.getClass().getName().startsWith("io.planwise.")) {
                    ours = t.getMessage();
                }
            }
        }
        String message = ours != null ? ours : innermost;
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
