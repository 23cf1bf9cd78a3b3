package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trial computed whole: counting its rows without making them gives exactly the figures that
 * making and counting them gives, and the rows made are the ones the ledger counted.
 */
class TrialProjectionTest {
    private static final ProjectionParameters P = Fixtures.params("simulation: {start_year: 2025, end_year: 2028, "
            + "target_growth_rate: -0.2}\nworkforce: {total_termination_rate: 0.05}");


    @Test
    void countingARowlessTrialGivesTheFiguresOfTheWrittenOne() {
        List<BaselineEmployee> baseline = Fixtures.baseline(P, 5, 3_000);
        CensusAccounting census = new CensusAccounting(baseline.size(), baseline.size(), 0, 0, 0, 0);
        for (int trial : new int[] {0, 7}) {
            Fixtures.Rows rows = new Fixtures.Rows();
            RunChecks written = new TrialProjection(P.forTrial(trial), census).run(baseline, rows);
            List<YearlyEvent> events = rows.events;
            List<WorkforceSnapshot> snapshots = rows.snapshots;
            RunChecks counted = new TrialProjection(P.forTrial(trial), census).run(baseline, null);
            assertThat(counted.needsRows()).isEqualTo(written.needsRows());
            assertThat(counted.summaryRows()).isEqualTo(written.summaryRows());
            assertThat(counted.checks()).isEqualTo(written.checks());
            assertThat(written.failures()).isEmpty();
            // A shrinking workforce: RIF in every year, and the rows written match the counts.
            assertThat(written.needsRows()).allSatisfy(n -> assertThat(n.rifTerminations()).isPositive());
            assertThat(snapshots).hasSize((int) written.summaryRows().stream()
                    .mapToLong(s -> s.startingHeadcount() + s.hires()).sum());
            assertThat(events.stream().filter(e -> e.eventCategory().equals(YearlyEvent.CATEGORY_REDUCTION_IN_FORCE)).count())
                    .isEqualTo(written.needsRows().stream().mapToLong(n -> n.rifTerminations()).sum());
            assertThat(events).allSatisfy(e -> assertThat(e.trial()).isEqualTo(trial));
        }
    }

    @Test
    void trialsDrawDifferently() {
        List<BaselineEmployee> baseline = Fixtures.baseline(P, 5, 2_000);
        CensusAccounting census = new CensusAccounting(baseline.size(), baseline.size(), 0, 0, 0, 0);
        RunChecks a = new TrialProjection(P.forTrial(1), census).run(baseline, null);
        RunChecks b = new TrialProjection(P.forTrial(2), census).run(baseline, null);
        assertThat(a.summaryRows()).isNotEqualTo(b.summaryRows());
        // ... but both hit the same exact targets.
        assertThat(a.needsRows().stream().map(n -> n.targetEndingWorkforce()).toList())
                .isEqualTo(b.needsRows().stream().map(n -> n.targetEndingWorkforce()).toList());
    }
}
