package io.planwise.projection;

/**
 * One unit of an ensemble's work: trial {@code trial}, computed whole, writing the detail rows of
 * employees in {@code shard} of {@code shards} (1 shard for a trial without detail rows), on task
 * {@code task}. A detail trial is computed by every task, each writing its own shard; the other
 * trials are spread over the tasks.
 */
public record TrialWork(int trial, int shard, int shards, int task) {

    /** Shard 0 writes the trial's needs, summary and checks and reports its figures. */
    public boolean reportsTrial() {
        return shard == 0;
    }

    /** Whether an employee's detail rows belong to this shard: a fixed function of the id, so any task count splits a trial the same way. */
    public boolean writes(String employeeId) {
        return shards == 1 || Math.floorMod(employeeId.hashCode(), shards) == shard;
    }
}
