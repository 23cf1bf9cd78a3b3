package io.planwise.model.census;

/** The four fates of a census row. */
public enum CensusBucket {
    BASELINE("baseline"),
    TERMINATED_BEFORE_START("terminated_before_start"),
    NOT_YET_HIRED("not_yet_hired"),
    REJECTED("rejected");

    public final String label;

    CensusBucket(String label) {
        this.label = label;
    }
}
