package io.planwise.projection;

/** The census cannot be projected (no baseline employee, or too many rejects); nothing is published. */
public final class CensusRejectedException extends RuntimeException {
    public CensusRejectedException(String message) {
        super(message);
    }
}
