package io.planwise.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the CLI in-process, as {@code planwise} would, without System.exit. */
public final class PlanwiseCliAccess {
    private PlanwiseCliAccess() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return PlanwiseCli.run(args, out, err);
    }
}
