package io.planwise.model.projection;

import java.util.Arrays;

/**
 * The employees of one start of year, in the order they were added: each one's {@link Person} and
 * its pay and level, in three arrays. A year's loop reads the same employees in several passes and
 * builds next year's workforce as it goes; kept as objects, a million carried-forward employees per
 * task lived exactly one year, long enough for the garbage collector to copy and promote every one
 * of them and then collect them from the old generation (about 40 % of a 1,000,000 × 10 run's
 * collection pauses). Here a year is three arrays, and the {@link Employee} a pass reads is made
 * when it is read and dies young.
 */
final class Workforce {
    private Person[] people;
    private long[] salaryCents;
    private int[] levelIds;
    private int size;

    Workforce(int capacity) {
        int c = Math.max(16, capacity);
        people = new Person[c];
        salaryCents = new long[c];
        levelIds = new int[c];
    }

    void add(Employee e) {
        if (size == people.length) {
            int c = size + (size >> 1);
            people = Arrays.copyOf(people, c);
            salaryCents = Arrays.copyOf(salaryCents, c);
            levelIds = Arrays.copyOf(levelIds, c);
        }
        people[size] = e.person();
        salaryCents[size] = e.salaryCents();
        levelIds[size] = e.levelId();
        size++;
    }

    int size() {
        return size;
    }

    Employee get(int i) {
        return new Employee(people[i], salaryCents[i], levelIds[i]);
    }
}
