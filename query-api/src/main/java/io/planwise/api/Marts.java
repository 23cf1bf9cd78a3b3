package io.planwise.api;

/** The marts the endpoints read (MODEL.md section 4); names as they appear in manifests. */
final class Marts {
    static final String EVENTS = "fct_yearly_events";
    static final String SNAPSHOT = "fct_workforce_snapshot";
    static final String NEEDS = "fct_workforce_needs";
    static final String SUMMARY = "fct_workforce_summary";

    /** Most rows any answer carries; {@code limit} may not ask for more. */
    static final int MAX_ROWS = 10_000;

    private Marts() {}
}
