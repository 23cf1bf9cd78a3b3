package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans {@code current/} on a timer and prepares the relations of newly published runs before the
 * first request needs them; drops the relations of runs that were replaced and are idle.
 *
 * <p>Freshness does not depend on it: every request checks its scenario's manifest itself. The
 * watcher only moves the cost of preparing a new run off the request path, and decides readiness:
 * the server is ready once one scan has read the warehouse's {@code current/} directory.
 */
final class PublishWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishWatcher.class);

    private final PublishedRuns published;
    private final RunCatalog catalog;
    private final ScheduledExecutorService timer;
    private volatile boolean ready;

    PublishWatcher(PublishedRuns published, RunCatalog catalog) {
        this.published = published;
        this.catalog = catalog;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "publish-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Scans once now, then every {@code intervalMillis}. */
    void start(long intervalMillis) {
        scan();
        timer.scheduleWithFixedDelay(this::scan, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    boolean ready() {
        return ready;
    }

    void scan() {
        try {
            if (!Files.isDirectory(published.layout().currentDir())) {
                return;
            }
            List<String> ids = published.scenarios();
            int readable = 0;
            for (String id : ids) {
                try {
                    Optional<RunManifest> run = published.current(id);
                    if (run.isPresent()) {
                        // Leasing prepares the run's relations; releasing keeps them while the run is current.
                        catalog.lease(run.get()).close();
                        readable++;
                    }
                } catch (ApiError e) {
                    // Logged where it happened; the other scenarios are still served.
                }
            }
            catalog.dropRetired();
            if (!ready) {
                LOG.info("Ready: {} scenario(s) published in {}", readable, published.layout().root());
            }
            ready = true;
        } catch (RuntimeException e) {
            LOG.warn("Scanning the warehouse failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
