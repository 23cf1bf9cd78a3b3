package io.planwise.cli;

/** The command line itself is wrong (exit status 2): an unknown option, a missing or bad value. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
