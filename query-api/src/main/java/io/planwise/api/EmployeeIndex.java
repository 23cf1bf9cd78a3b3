package io.planwise.api;

import io.planwise.model.draw.EmployeeKey;
import io.planwise.warehouse.MartEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The employee index: for runs with many detail rows, a copy of their events and snapshot marts in
 * DuckDB's own storage, sorted by the model's key of {@code employee_id}, so that an employee's history reads
 * one or two row groups per mart instead of every Parquet file of the run.
 *
 * <h2>Why a copy, and why sorted by a key</h2>
 *
 * The published marts are partitioned by year and spread over one file per writing task, with an
 * employee's rows in every year's files; DuckDB has no point lookup into Parquet, so each history
 * scans the {@code employee_id} column of every file (0.2–0.6 s on 1 M employees × 10 years) and a
 * few clients at once queue for seconds. Sorting the Parquet files themselves helps far less than it
 * seems: DuckDB pays a fixed cost per file and per row group even when its statistics prune it
 * (measured: ~29 ms for the snapshot alone in sorted files with 32k-row groups). A table in DuckDB's
 * storage sorted by the lookup key prunes by zone maps at almost no cost: ~3 ms for both marts.
 * The sort key is the model's 64-bit {@link EmployeeKey} (DuckDB's {@code md5_number_lower}), not the
 * id, because DuckDB keeps only an 8-byte prefix of a string's minimum and maximum: every
 * {@code NH_2027_…} would share one prefix and defeat the pruning. Java computes the same key, so a
 * lookup is one prepared query per mart with the key bound as a value (DuckDB prunes row groups by a
 * bound value as well as by a literal: 1.1 ms per lookup either way, measured on 10 M rows, and one
 * statement serves every employee); it still compares {@code employee_id} itself, so two ids with one
 * key cannot mix.
 *
 * <h2>Lifecycle</h2>
 *
 * <ul>
 *   <li>Built in the background, one run at a time, after a run's relations are prepared and only when
 *       its events and snapshot hold at least {@code minRows} rows together (small runs read their
 *       Parquet as fast as the copy). Until a run's copy is complete, its lookups read the Parquet
 *       views: the copy changes how fast an answer comes, never what it says.</li>
 *   <li>The copy lives in {@code employee_index.duckdb} of the server's work directory (attached by
 *       {@link MartDatabase#open}); building it may spill to that directory's {@code spill/} when the
 *       sort needs more than the memory limit. Each run's copy is schema {@code employee_index.run_<n>},
 *       dropped with the run's relations when the run is replaced and idle, and the whole directory is
 *       deleted when the server stops ({@link WorkDirectory}).</li>
 *   <li>A failed build (no disk, no memory) is logged once and leaves the run on its Parquet views.</li>
 * </ul>
 *
 * Cost: one pass over the run's detail rows with a sort, about 80 s of one core and ~0.7 GB of disk for
 * 1 M employees × 10 years.
 */
final class EmployeeIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmployeeIndex.class);

    /** The value of {@link #KEY} for an id, in decimal digits (JDBC has no unsigned 64-bit type). */
    static String keyDigits(String employeeId) {
        return Long.toUnsignedString(EmployeeKey.of(employeeId));
    }

    /** Catalog name of the attached index database. */
    static final String CATALOG = "employee_index";
    /** The column the copies are sorted and pruned by. */
    static final String KEY = "employee_key";
    /** Default for {@code --employee-index-rows}. */
    static final long DEFAULT_MIN_ROWS = 1_000_000;

    private static final List<String> MARTS = List.of(Marts.SNAPSHOT, Marts.EVENTS);

    private final MartDatabase database;
    private final long minRows;
    private final ExecutorService builder;
    /** The run schemas whose copy is queued, being built or built, and not dropped. */
    private final Map<String, Boolean> offered = new ConcurrentHashMap<>();
    /** {@code scenario/run} of the runs whose copy is complete. */
    private final Set<String> built = ConcurrentHashMap.newKeySet();
    /** The build in progress and the run schema it copies; a drop cancels only the build of its own run. */
    private volatile Statement running;
    private volatile String runningSchema;

    /**
     * @param minRows runs with fewer events and snapshot rows than this are not copied; a negative
     *     value turns the index off
     */
    EmployeeIndex(MartDatabase database, long minRows) {
        this.database = database;
        this.minRows = database.hasEmployeeIndex() ? minRows : -1;
        this.builder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "employee-index");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the copy of a prepared run if it is large enough and not queued yet. */
    void offer(RunViews views) {
        if (minRows < 0 || detailRows(views) < minRows || offered.putIfAbsent(views.schema(), Boolean.TRUE) != null) {
            return;
        }
        builder.execute(() -> build(views));
    }

    /** Drops a run's copy (after any build of it in progress was interrupted). */
    void drop(RunViews views) {
        if (offered.remove(views.schema()) == null) {
            return;
        }
        views.forgetEmployeeIndex();
        built.remove(key(views));
        Statement s = running;
        if (s != null && views.schema().equals(runningSchema)) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Cancelling an employee index build: {}", e.toString());
            }
        }
        builder.execute(() -> dropSchema(views.schema()));
    }

    private static long detailRows(RunViews views) {
        long rows = 0;
        for (String mart : MARTS) {
            MartEntry entry = views.manifest().marts().get(mart);
            rows += entry == null ? 0 : entry.rowCount();
        }
        return rows;
    }

    private void build(RunViews views) {
        String schema = views.schema();
        if (!offered.containsKey(schema)) {
            return;
        }
        long start = System.nanoTime();
        String target = CATALOG + "." + schema;
        try (Connection c = database.backgroundConnection(); Statement s = c.createStatement()) {
            running = s;
            runningSchema = schema;
            s.execute("CREATE SCHEMA IF NOT EXISTS " + target);
            for (String mart : MARTS) {
                if (views.columns(mart).isPresent() && offered.containsKey(schema)) {
                    String table = target + "." + RunViews.quote(mart);
                    s.execute("CREATE TABLE " + table + " AS SELECT md5_number_lower(employee_id) AS " + KEY + ", * FROM "
                            + views.relation(mart) + " ORDER BY " + KEY);
                }
            }
            if (offered.containsKey(schema)) {
                for (String mart : MARTS) {
                    if (views.columns(mart).isPresent()) {
                        views.indexedByEmployee(mart, target + "." + RunViews.quote(mart));
                    }
                }
                built.add(key(views));
                LOG.info("Employee index of run {}/{} built in {} ms", views.manifest().scenarioId(),
                        views.manifest().runId(), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            if (offered.containsKey(schema)) {
                LOG.warn("The employee index of run {}/{} could not be built ({}); its lookups read Parquet",
                        views.manifest().scenarioId(), views.manifest().runId(), e.getMessage());
            }
            dropSchema(schema);
        } finally {
            running = null;
            runningSchema = null;
        }
    }

    private void dropSchema(String schema) {
        try (Connection c = database.backgroundConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + CATALOG + "." + schema + " CASCADE");
            // Freed blocks are reused by the next copy; a checkpoint keeps the file from growing with the WAL.
            s.execute("CHECKPOINT " + CATALOG);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Dropping the employee index of {}: {}", schema, e.toString());
        }
    }

    private static String key(RunViews views) {
        return views.manifest().scenarioId() + "/" + views.manifest().runId();
    }

    /** The runs ({@code scenario/run}) whose lookups read a complete copy. */
    Set<String> builtRuns() {
        return Set.copyOf(built);
    }

    /** Waits for queued builds (tests). */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        builder.execute(done::countDown);
        return done.await(timeout, unit);
    }

    @Override
    public void close() {
        offered.clear();
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Cancelling an employee index build: {}", e.toString());
            }
        }
        builder.shutdownNow();
        try {
            builder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
