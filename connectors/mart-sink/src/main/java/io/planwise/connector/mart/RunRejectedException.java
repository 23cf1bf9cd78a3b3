package io.planwise.connector.mart;

/** Thrown by the publish step when the run's checks failed: the job fails and nothing is published. */
public class RunRejectedException extends RuntimeException {
    public RunRejectedException(String message) {
        super(message);
    }
}
