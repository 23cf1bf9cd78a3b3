package io.planwise.projection;

/** A range of new-hire slots [first, last] of a year, the unit in which hiring is spread over tasks. */
public record HireSlots(int year, long first, long last, long terminationLimit) {}
