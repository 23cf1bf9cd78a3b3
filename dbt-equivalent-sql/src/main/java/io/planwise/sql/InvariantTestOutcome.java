package io.planwise.sql;

import java.util.List;
import java.util.Map;

/**
 * What one {@code tests/assert_*.sql} file found on a run: how many rows violate its invariant (0
 * when it holds) and the first few of them.
 */
public record InvariantTestOutcome(String test, long violations, List<Map<String, Object>> examples) {
    public boolean passed() {
        return violations == 0;
    }

    @Override
    public String toString() {
        return passed() ? test + ": passed" : test + " returned " + violations + " violating rows, e.g. " + examples;
    }
}
