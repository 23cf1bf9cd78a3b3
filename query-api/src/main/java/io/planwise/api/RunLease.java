package io.planwise.api;

/** A request's hold on one run's relations; closing it lets the catalog drop a replaced run. */
final class RunLease implements AutoCloseable {

    private final RunViews views;
    private final Runnable release;
    private boolean closed;

    RunLease(RunViews views, Runnable release) {
        this.views = views;
        this.release = release;
    }

    RunViews views() {
        return views;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
