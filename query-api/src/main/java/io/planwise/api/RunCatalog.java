package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB relations of every run a request is using, created on first use and dropped once the run
 * is neither current nor in use.
 *
 * <p>Each request leases the runs it read from its manifests; a run replaced by a publish keeps its
 * relations until its last lease is released, so a request that started on the old run finishes on it.
 */
final class RunCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(RunCatalog.class);

    private final MartDatabase database;
    private final PublishedRuns published;
    private final AtomicLong sequence = new AtomicLong();
    /** Guarded by this. */
    private final Map<String, Entry> entries = new HashMap<>();

    private final long memoryTableMaxRows;
    private final EmployeeIndex employeeIndex;

    RunCatalog(MartDatabase database, PublishedRuns published, long memoryTableMaxRows, EmployeeIndex employeeIndex) {
        this.database = database;
        this.published = published;
        this.memoryTableMaxRows = memoryTableMaxRows;
        this.employeeIndex = employeeIndex;
    }

    /**
     * The relations of the run {@code manifest} names, created if needed; release the lease when done.
     *
     * @throws ApiError 503 if the run's files cannot be read
     */
    RunLease lease(RunManifest manifest) {
        String key = manifest.scenarioId() + "/" + manifest.runId();
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(key, k -> new Entry(k, new RunViews(manifest, sequence.incrementAndGet(),
                    memoryTableMaxRows)));
            entry.leases++;
        }
        try {
            if (entry.ensureCreated(database, published)) {
                employeeIndex.offer(entry.views);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            release(entry);
            throw e;
        }
        return new RunLease(entry.views, () -> release(entry));
    }

    /** Drops the relations of idle runs that are no longer current; the poller calls this. */
    void dropRetired() {
        List<Entry> retired = new ArrayList<>();
        synchronized (this) {
            entries.values().removeIf(e -> {
                if (e.leases == 0 && !isCurrent(e)) {
                    retired.add(e);
                    return true;
                }
                return false;
            });
        }
        retired.forEach(this::drop);
    }

    /** Runs that currently have relations, as {@code scenario/run}; for tests and the status log. */
    synchronized Set<String> runs() {
        return Set.copyOf(entries.keySet());
    }

    private void release(Entry entry) {
        boolean drop;
        synchronized (this) {
            entry.leases--;
            drop = entry.leases == 0 && (!isCurrent(entry) || entries.get(entry.key) != entry);
            if (drop) {
                entries.remove(entry.key, entry);
            }
        }
        if (drop) {
            drop(entry);
        }
    }

    private boolean isCurrent(Entry e) {
        RunManifest m = e.views.manifest();
        return published.lastSeenRunId(m.scenarioId()).map(m.runId()::equals).orElse(false);
    }

    private void drop(Entry entry) {
        employeeIndex.drop(entry.views);
        if (entry.created) {
            try {
                database.dropSchema(entry.views.schema());
                LOG.info("Dropped the relations of run {}", entry.key);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop the relations of run {}: {}", entry.key, e.toString());
            }
        }
    }

    private static final class Entry {
        final String key;
        final RunViews views;
        /** Guarded by the catalog. */
        int leases;
        /** Guarded by this entry. */
        volatile boolean created;

        Entry(String key, RunViews views) {
            this.key = key;
            this.views = views;
        }

        /** @return whether this call created them */
        synchronized boolean ensureCreated(MartDatabase database, PublishedRuns published) {
            if (created) {
                return false;
            }
            long start = System.nanoTime();
            try {
                database.execute(views.createStatements(published.layout()));
            } catch (RuntimeException e) {
                // Half-created relations must not linger under a schema that nothing will drop.
                try {
                    database.dropSchema(views.schema());
                } catch (RuntimeException ignored) {
                    // best effort; the schema name is never reused
                }
                LOG.warn("The files of run {} cannot be read: {}", key, e.toString());
                throw ApiError.unavailable("The published run of this scenario cannot be read right now; try again.");
            }
            created = true;
            LOG.info("Prepared run {} as {} in {} ms", key, views.schema(), (System.nanoTime() - start) / 1_000_000);
            return true;
        }
    }
}
