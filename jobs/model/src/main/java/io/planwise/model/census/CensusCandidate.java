package io.planwise.model.census;

import java.time.LocalDate;

/**
 * A census row that parsed: typed values plus the warnings it raised. Duplicates of an
 * employee_id are resolved among candidates by {@link #beats}.
 */
public record CensusCandidate(
        String source,
        long rowNumber,
        String employeeId,
        LocalDate birthDate,
        LocalDate hireDate,
        LocalDate terminationDate,
        long compensationCents,
        String warnings,
        String raw) {

    /**
     * The duplicate tie-break of MODEL.md 1.1: the latest hire date wins, then the highest
     * compensation, then the row seen first.
     */
    public boolean beats(CensusCandidate other) {
        int c = hireDate.compareTo(other.hireDate);
        if (c != 0) {
            return c > 0;
        }
        if (compensationCents != other.compensationCents) {
            return compensationCents > other.compensationCents;
        }
        int s = source.compareTo(other.source);
        return s != 0 ? s < 0 : rowNumber < other.rowNumber;
    }

    public CensusBucket bucket(LocalDate asOf) {
        if (terminationDate != null && !terminationDate.isAfter(asOf)) {
            return CensusBucket.TERMINATED_BEFORE_START;
        }
        if (hireDate.isAfter(asOf)) {
            return CensusBucket.NOT_YET_HIRED;
        }
        return CensusBucket.BASELINE;
    }
}
