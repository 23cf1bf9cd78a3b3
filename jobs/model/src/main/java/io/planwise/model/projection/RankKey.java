package io.planwise.model.projection;

import java.io.Serializable;

/**
 * A position in a ranked selection (reduction in force, new-hire terminations): an unsigned
 * 64-bit key, ties broken by employee_id. Only these two values travel to the task that ranks,
 * never whole employee records.
 */
public record RankKey(long key, String employeeId) implements Comparable<RankKey>, Serializable {
    @Override
    public int compareTo(RankKey o) {
        int c = Long.compareUnsigned(key, o.key);
        return c != 0 ? c : employeeId.compareTo(o.employeeId);
    }
}
