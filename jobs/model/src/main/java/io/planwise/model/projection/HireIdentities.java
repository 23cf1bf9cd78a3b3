package io.planwise.model.projection;

import io.planwise.model.draw.EmployeeKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The new hires' ids (NH_Y_00000i) and their key(id), made once and shared by every trial a task
 * runs: they do not depend on the trial, and building the id and its MD5 twice per hire per trial
 * (for the new-hire-termination ranking, then for the hire) was a fifth of an ensemble's work.
 */
final class HireIdentities {
    private final Map<Integer, String[]> ids = new HashMap<>();
    private final Map<Integer, long[]> keys = new HashMap<>();

    /** Makes sure slots 1 … slots of the year exist. */
    synchronized void ensure(int year, long slots) {
        String[] have = ids.getOrDefault(year, new String[1]);
        if (have.length > slots) {
            return;
        }
        int size = Math.toIntExact(Math.max(slots + 1, have.length * 2L));
        String[] grown = Arrays.copyOf(have, size);
        long[] grownKeys = Arrays.copyOf(keys.getOrDefault(year, new long[1]), size);
        for (int slot = Math.max(1, have.length); slot < size; slot++) {
            grown[slot] = NewHires.employeeId(year, slot);
            grownKeys[slot] = EmployeeKey.of(grown[slot]);
        }
        ids.put(year, grown);
        keys.put(year, grownKeys);
    }

    synchronized String id(int year, long slot) {
        return ids.get(year)[(int) slot];
    }

    synchronized long key(int year, long slot) {
        return keys.get(year)[(int) slot];
    }
}
