package io.planwise.model.projection;

import java.io.Serializable;

/**
 * One of the {@code count} parts a trial's employees are split into, so that a trial too big for one
 * task's time is computed by several: the shard owns the employees (and hires) whose id falls in it,
 * holds and projects only those, writes only their rows, and agrees with the other shards on each
 * year's whole-workforce facts ({@link ShardAgreement}). Ownership is a fixed function of the id, so
 * a trial splits the same way on any cluster and a hire's shard is known from its id alone.
 */
public record TrialShard(int index, int count) implements Serializable {
    /** The whole trial in one task: owns everyone, agrees with nobody. */
    public static final TrialShard WHOLE = new TrialShard(0, 1);

    public TrialShard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a trial shard is one of 1 or more parts, got part " + index + " of " + count);
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    public boolean owns(String employeeId) {
        return count == 1 || of(employeeId, count) == index;
    }

    /** The index of the shard of {@code count} that owns the employee. */
    public static int of(String employeeId, int count) {
        return Math.floorMod(employeeId.hashCode(), count);
    }

    @Override
    public String toString() {
        return (index + 1) + "/" + count;
    }
}
