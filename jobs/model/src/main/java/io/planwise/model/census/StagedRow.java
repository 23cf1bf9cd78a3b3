package io.planwise.model.census;

/** The result of parsing one row: a candidate, or a rejection reason with its detail. Exactly one is set. */
public record StagedRow(CensusCandidate candidate, String rejectReason, String rejectDetail) {
    public boolean rejected() {
        return candidate == null;
    }
}
