package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trial split into shards, each in its own thread and agreeing on the year's facts through an
 * in-memory {@link ShardAgreement}, is the whole trial: the shards' rows together are exactly the
 * whole trial's rows, each employee's rows come from one shard, and every shard returns the whole
 * trial's needs, summary and checks.
 */
class ShardedTrialTest {
    private static final ProjectionParameters SHRINKING = Fixtures.params("simulation: {start_year: 2025, end_year: 2028, "
            + "target_growth_rate: -0.2}\nworkforce: {total_termination_rate: 0.05}");
    private static final ProjectionParameters GROWING = Fixtures.params("simulation: {start_year: 2025, end_year: 2029, "
            + "target_growth_rate: 0.08}\nworkforce: {total_termination_rate: 0.12, new_hire_termination_rate: 0.25}");


    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void shardsTogetherAreTheWholeTrial(int shards) throws Exception {
        for (ProjectionParameters params : List.of(SHRINKING, GROWING)) {
            List<BaselineEmployee> baseline = Fixtures.baseline(params, 11, 2_500);
            CensusAccounting census = new CensusAccounting(baseline.size(), baseline.size(), 0, 0, 0, 0);
            ProjectionParameters p = params.forTrial(4);
            Fixtures.Rows whole = new Fixtures.Rows();
            RunChecks wholeChecks = new TrialProjection(p, census).run(baseline, whole);
            assertThat(wholeChecks.failures()).isEmpty();

            InMemoryAgreement agreement = new InMemoryAgreement(shards);
            List<Fixtures.Rows> parts = new ArrayList<>();
            List<Future<RunChecks>> results = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(shards);
            try {
                for (int s = 0; s < shards; s++) {
                    Fixtures.Rows rows = new Fixtures.Rows();
                    parts.add(rows);
                    TrialShard shard = new TrialShard(s, shards);
                    results.add(threads.submit(() -> new TrialProjection(p, census)
                            .inShards(shard, agreement.forShard(shard.index())).run(baseline, rows)));
                }
                for (Future<RunChecks> result : results) {
                    RunChecks checks = result.get(60, TimeUnit.SECONDS);
                    assertThat(checks.needsRows()).isEqualTo(wholeChecks.needsRows());
                    assertThat(checks.summaryRows()).isEqualTo(wholeChecks.summaryRows());
                    assertThat(checks.checks()).isEqualTo(wholeChecks.checks());
                }
            } finally {
                threads.shutdownNow();
            }

            List<YearlyEvent> events = new ArrayList<>();
            List<WorkforceSnapshot> snapshots = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int s = 0; s < shards; s++) {
                Fixtures.Rows rows = parts.get(s);
                assertThat(rows.snapshots).as("shard %d of %d wrote rows", s, shards).isNotEmpty();
                Set<String> ids = new HashSet<>();
                rows.snapshots.forEach(r -> ids.add(r.employeeId()));
                assertThat(Collections.disjoint(seen, ids)).as("an employee's rows come from one shard").isTrue();
                seen.addAll(ids);
                events.addAll(rows.events);
                snapshots.addAll(rows.snapshots);
            }
            assertThat(events).containsExactlyInAnyOrderElementsOf(whole.events);
            assertThat(snapshots).containsExactlyInAnyOrderElementsOf(whole.snapshots);
        }
    }

    @Test
    void theShrinkingAndGrowingFixturesExerciseBothCutoffs() {
        List<BaselineEmployee> baseline = Fixtures.baseline(SHRINKING, 11, 2_500);
        CensusAccounting census = new CensusAccounting(baseline.size(), baseline.size(), 0, 0, 0, 0);
        assertThat(new TrialProjection(SHRINKING.forTrial(4), census).run(baseline, null).needsRows())
                .allSatisfy(n -> assertThat(n.rifTerminations()).isPositive());
        assertThat(new TrialProjection(GROWING.forTrial(4), census).run(baseline, null).needsRows())
                .allSatisfy(n -> assertThat(n.newHireTerminations()).isPositive());
    }

    /** Shards in threads of one JVM: each part waits until every shard has given its part of the same fact. */
    private static final class InMemoryAgreement {
        private final int shards;
        private final Map<String, ShardFact<?>[]> parts = new HashMap<>();
        private final Map<String, ShardFact<?>> agreed = new HashMap<>();

        InMemoryAgreement(int shards) {
            this.shards = shards;
        }

        ShardAgreement forShard(int index) {
            return new ShardAgreement() {
                @Override
                public <F extends ShardFact<F>> F agree(String fact, int year, F part) {
                    return InMemoryAgreement.this.agree(index, fact + " " + year, part);
                }
            };
        }

        @SuppressWarnings("unchecked")
        private synchronized <F extends ShardFact<F>> F agree(int index, String key, F part) {
            ShardFact<?>[] given = parts.computeIfAbsent(key, k -> new ShardFact<?>[shards]);
            given[index] = part;
            if (java.util.Arrays.stream(given).allMatch(g -> g != null)) {
                F merged = (F) given[0];
                for (int s = 1; s < shards; s++) {
                    merged = merged.merge((F) given[s]);
                }
                agreed.put(key, merged.agreed());
                notifyAll();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!agreed.containsKey(key)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the shards never all gave their part of " + key);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return (F) agreed.get(key);
        }
    }
}
