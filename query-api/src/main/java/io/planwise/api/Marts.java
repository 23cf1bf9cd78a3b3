package io.planwise.api;

import io.planwise.warehouse.contract.ProjectionMarts;

/**
 * The marts the endpoints read (MODEL.md section 4); names as they appear in manifests, taken from the
 * run contract ({@link ProjectionMarts}).
 */
final class Marts {
    static final String EVENTS = ProjectionMarts.EVENTS.name();
    static final String SNAPSHOT = ProjectionMarts.SNAPSHOT.name();
    static final String NEEDS = ProjectionMarts.NEEDS.name();
    static final String SUMMARY = ProjectionMarts.SUMMARY.name();

    /** Most rows any answer carries; {@code limit} may not ask for more. */
    static final int MAX_ROWS = 10_000;

    private Marts() {}
}
