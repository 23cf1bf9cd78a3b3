package io.planwise.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.projection.TrialShard;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The work plan of an ensemble: every detail trial split over all tasks (shard s on task s), before
 * any whole trial and in trial order, because the shards of a split trial wait for each other; the
 * other trials whole, spread round-robin.
 */
class TrialWorkTest {
    @Test
    void detailTrialsAreSplitOverEveryTaskFirstAndTheRestSpreadWhole() {
        List<TrialWork> work = ProjectionJob.trialWork(6, 2, 3);
        assertThat(work).containsExactly(
                new TrialWork(0, new TrialShard(0, 3), 0), new TrialWork(0, new TrialShard(1, 3), 1),
                new TrialWork(0, new TrialShard(2, 3), 2),
                new TrialWork(1, new TrialShard(0, 3), 0), new TrialWork(1, new TrialShard(1, 3), 1),
                new TrialWork(1, new TrialShard(2, 3), 2),
                new TrialWork(2, TrialShard.WHOLE, 2), new TrialWork(3, TrialShard.WHOLE, 0),
                new TrialWork(4, TrialShard.WHOLE, 1), new TrialWork(5, TrialShard.WHOLE, 2));
        assertThat(work.stream().filter(TrialWork::reportsTrial).map(TrialWork::trial).toList())
                .as("each trial reported once").containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void oneTaskRunsEveryTrialWhole() {
        assertThat(ProjectionJob.trialWork(3, 1, 1)).extracting(TrialWork::shard).containsOnly(TrialShard.WHOLE);
    }
}
