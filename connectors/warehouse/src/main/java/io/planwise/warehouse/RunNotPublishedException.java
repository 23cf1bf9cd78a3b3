package io.planwise.warehouse;

/** A run that finished but was refused (a failed check, a rejected census): nothing was published. */
public class RunNotPublishedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunNotPublishedException(String message) {
        super(message);
    }
}
