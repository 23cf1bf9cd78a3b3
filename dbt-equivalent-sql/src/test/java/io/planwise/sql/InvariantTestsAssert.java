package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code tests/assert_*.sql} ran on the published run and returned no rows. */
final class InvariantTestsAssert {
    private InvariantTestsAssert() {}

    static void allPassed(SqlProjectionResult result) {
        assertThat(result.tests()).extracting(InvariantTestOutcome::test).as("invariant tests that ran")
                .containsExactlyElementsOf(SqlModels.TESTS.stream().map(SqlModels::tableOf).toList());
        assertThat(result.tests()).filteredOn(t -> !t.passed()).as("invariant tests that returned rows").isEmpty();
    }
}
