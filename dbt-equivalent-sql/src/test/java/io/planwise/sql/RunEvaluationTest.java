package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed check of any trial, or of the ensemble, is named in the reason a run is not published:
 * {@code trial <t>: <year> <check>: <detail>} for the lowest-numbered failing trials (then how many
 * more failed), {@code ensemble: <year> <check>: <detail>} for the checks of the bands.
 */
class RunEvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void failedChecksNameTrialYearAndCheck() throws Exception {
        try (DuckDbSession db = DuckDbSession.open(1, tmp)) {
            db.execute("CREATE TABLE dq_checks (scenario_id VARCHAR, trial INTEGER, simulation_year INTEGER, "
                    + "check_name VARCHAR, passed BOOLEAN, detail VARCHAR)");
            db.execute("INSERT INTO dq_checks VALUES ('s', 0, 2025, 'ending_equals_target', true, 'ok'), "
                    + "('s', 9, 2026, 'terminations_match_needs', false, 'plan'), "
                    + "('s', 9, 2026, 'ending_equals_target', false, 'ending actives 5, target 6'), "
                    + "('s', 3, 2027, 'event_dates_valid', false, '1 events dated outside the year, 0 terminations before hire'), "
                    + "('s', NULL, 2025, 'bands_ordered', false, '1 of 72 rows out of order'), "
                    + "('s', NULL, 2025, 'bands_complete', true, '72 rows, expected 72; trials per row 20-20, expected 20')");
            assertThat(RunEvaluation.failedChecks(db)).containsExactly(
                    "trial 3: 2027 event_dates_valid: 1 events dated outside the year, 0 terminations before hire",
                    "trial 9: 2026 ending_equals_target: ending actives 5, target 6",
                    "trial 9: 2026 terminations_match_needs: plan",
                    "ensemble: 2025 bands_ordered: 1 of 72 rows out of order");

            for (int trial = 10; trial < 16; trial++) {
                db.execute("INSERT INTO dq_checks VALUES ('s', " + trial + ", 2025, 'ending_equals_target', false, 'x')");
            }
            assertThat(RunEvaluation.failedChecks(db)).as("8 failing trials: the 5 lowest named").hasSize(1 + 2 + 3 + 1 + 1)
                    .contains("trial 12: 2025 ending_equals_target: x", "3 more failing trials")
                    .doesNotContain("trial 13: 2025 ending_equals_target: x");
        }
    }
}
