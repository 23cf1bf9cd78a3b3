package io.planwise.projection;

import java.io.Serializable;

/** Which fact the shards of a trial agree on: its name and year (the ledger uses the last year). */
record FactKey(int trial, String fact, int year) implements Serializable {
    @Override
    public String toString() {
        return "trial " + trial + ", " + year + " · " + fact;
    }
}
