package io.planwise.sql;

/** The run stopped without publishing: the census cannot be projected, or an invariant failed. */
public final class RunNotPublishedException extends RuntimeException {
    public RunNotPublishedException(String message) {
        super(message);
    }
}
