package io.planwise.projection;

import io.planwise.model.projection.TrialShard;

/**
 * One unit of an ensemble's work: shard {@code shard} of trial {@code trial}, on task {@code task}.
 * A detail trial is split over every task (shard s on task s), so that its rows, most of a run's
 * output, and its employee-years are shared by all of them; the other trials run whole and are
 * spread over the tasks.
 */
public record TrialWork(int trial, TrialShard shard, int task) {

    /** The first shard writes the trial's needs, summary and checks and reports its figures. */
    public boolean reportsTrial() {
        return shard.index() == 0;
    }
}
