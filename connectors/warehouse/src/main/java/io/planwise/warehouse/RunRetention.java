package io.planwise.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.warehouse.contract.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deletes debris and old runs from the warehouse: run directories that were never published, published
 * runs that have aged out, and leftovers of crashed publishes and deletions.
 *
 * <h2>What it looks at</h2>
 *
 * <pre>
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/&lt;run_id&gt;/            a run directory (a "run" below)
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/&lt;run_id&gt;/_run.json  its record; "status": "published" marks a published run
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/.&lt;run_id&gt;.deleting  a run this class was deleting when it was interrupted
 * &lt;root&gt;/current/&lt;scenario_id&gt;.json             the current manifest; names the current run
 * &lt;root&gt;/current/.&lt;scenario_id&gt;.*.tmp           a temp manifest of a publish in progress or crashed
 * </pre>
 *
 * <p>{@link #prune(String, int, Duration)} works on one scenario; {@link #pruneAll(int, Duration)} on
 * every scenario directory under {@code runs/}. Every non-hidden directory in a scenario directory is
 * a run, whatever its name; hidden entries (starting with '.') and plain files are left alone, except
 * the {@code .deleting} leftovers described below.
 *
 * <h2>Which runs are published</h2>
 *
 * A run is <em>published</em> if
 * <ul>
 *   <li>its {@code _run.json} ({@link RunRecordFile}, {@link RunRecord}) is a JSON object whose
 *       {@code "status"} is the string {@code "published"} ({@link RunRecord#PUBLISHED}, exactly,
 *       case-sensitive), or
 *   <li>it is the <em>current run</em>, the run the scenario's current manifest
 *       ({@link ManifestStore#current}) names, whatever its {@code _run.json} says. The manifest, not
 *       the record, is what publishes a run.
 * </ul>
 * Every other run is <em>unpublished</em>: no {@code _run.json} (a run being written, or one killed
 * before it wrote its record), a {@code _run.json} that cannot be read or parsed, or any other status,
 * including {@code "rejected"} (its invariant checks failed) and {@code "failed"}.
 *
 * <h2>The rules</h2>
 *
 * The <em>age</em> of a run is the time between the instant encoded in its run id ({@link RunIds}) and
 * the clock's now; for a directory whose name is not a run id it is measured from the directory's
 * modification time. A run whose age cannot be determined counts as young. With {@code keepRuns}
 * (default {@value #KEEP_RUNS}) and {@code minAge} (default one hour):
 * <ol>
 *   <li>The current run is never deleted.
 *   <li>A run younger than {@code minAge} is never deleted, published or not: it may be being
 *       written, checked or published right now.
 *   <li>The newest {@code keepRuns} published runs, ordered by run id (which is creation order), are
 *       kept. Unpublished runs never take one of these places, so debris of killed or rejected runs
 *       can never push a published run out; the current run does take one (normally it is the newest).
 *   <li>A published run beyond the newest {@code keepRuns} is deleted once it is {@code minAge} old.
 *   <li>An unpublished run is deleted once it is {@code minAge} old, however few runs the scenario
 *       has. This includes rejected and failed runs: their {@code _run.json} (reason, counts, checks)
 *       is there for the post-mortem during that hour and is deleted with the rest of the directory.
 *       Copy it elsewhere, or prune with a larger {@code minAge}, to keep it longer.
 *   <li>Temp manifests of the scenario in {@code current/} whose modification time is at least
 *       {@code minAge} old are deleted; younger ones may belong to a publish in progress.
 *   <li>Leftovers of interrupted deletions ({@code .<run>.deleting}) are deleted whatever their age.
 * </ol>
 * An unpublished run in which any file or directory was modified within {@code minAge} is kept
 * too, whatever its id says: a long run (a large ensemble) writes its part files for longer than
 * {@code minAge}, and FileSink touches them as it goes. Only a run whose writer stopped more than
 * {@code minAge} ago, without publishing, is debris.
 *
 * <p>If the current manifest exists but cannot be read or parsed, or names another scenario, the
 * current run is unknown and nothing of that scenario is deleted (not even leftovers): the method
 * throws instead. A scenario that was never published simply has no current run.
 *
 * <h2>Crash cases</h2>
 *
 * <ul>
 *   <li><em>Killed while writing:</em> a directory without {@code _run.json}, possibly with hidden
 *       in-progress files; unpublished, deleted after {@code minAge}.
 *   <li><em>Rejected or failed after writing:</em> {@code _run.json} says so; deleted after
 *       {@code minAge}.
 *   <li><em>Between the manifest move and the {@code _run.json} update</em> (when the publish step
 *       records the status after publishing): the current run has no published status; it is kept
 *       because the manifest names it. Once a newer run replaces it, nothing marks it as published any
 *       more and it is deleted as debris after {@code minAge}, earlier than a published run would be.
 *   <li><em>Between the {@code _run.json} update and the manifest move</em> (when the publish step
 *       records the status first): a run that says published but was never current; it counts as
 *       published and ages out like one. Retention cannot tell it from a replaced run, and keeping it
 *       costs at most one of the {@code keepRuns} places for a while.
 *   <li><em>Crash of a publish while writing the temp manifest:</em> a stale temp manifest, deleted
 *       after {@code minAge}.
 *   <li><em>Crash of a prune while deleting:</em> a doomed run is first renamed to the hidden
 *       {@code .<run>.deleting} (atomically, in the same directory) and only then deleted recursively,
 *       so nobody ever sees a half-deleted run under its real name; an interrupted deletion leaves the
 *       hidden directory, which the next prune finishes.
 * </ul>
 *
 * <h2>Concurrency</h2>
 *
 * Pruning is safe while jobs run and publish: the manifest is read before the scenario directory is
 * listed, so a run published after that read is younger than {@code minAge} and therefore kept, and
 * the run that read named stays protected. Concurrent prunes (or an operator deleting by hand) are
 * tolerated: a run or file that vanishes while being retired or deleted is not an error. Symbolic
 * links inside a run are deleted, never followed.
 */
public final class RunRetention {

    /** Default number of newest published runs kept per scenario. */
    public static final int KEEP_RUNS = 5;

    /** Default minimum age before a run (or a stale temp manifest) may be deleted. */
    public static final Duration MIN_AGE = Duration.ofHours(1);

    private static final String STATUS = "status";

    private static final String DELETING_SUFFIX = ".deleting";

    private final WarehouseLayout layout;
    private final Clock clock;
    private final ManifestStore manifests;

    /**
     * @param layout the warehouse to prune
     * @param clock the time ages are measured against
     */
    public RunRetention(WarehouseLayout layout, Clock clock) {
        if (layout == null || clock == null) {
            throw new IllegalArgumentException("Run retention needs a warehouse layout and a clock.");
        }
        this.layout = layout;
        this.clock = clock;
        this.manifests = new ManifestStore(layout);
    }

    /** {@link #prune(String, int, Duration)} with {@link #KEEP_RUNS} and {@link #MIN_AGE}. */
    public List<Path> prune(String scenarioId) {
        return prune(scenarioId, KEEP_RUNS, MIN_AGE);
    }

    /**
     * Applies the rules of the class comment to one scenario: deletes its unpublished runs older than
     * {@code minAge} and its published runs beyond the newest {@code keepRuns} that are older than
     * {@code minAge}, never the current run; also removes this scenario's temp manifests in
     * {@code current/} older than {@code minAge} and leftovers of interrupted deletions.
     *
     * @return the paths deleted: leftovers of interrupted deletions, then run directories (under their
     *     original names) oldest first by name, then stale temp manifests
     * @throws UncheckedIOException if the current manifest cannot be read or parsed; nothing is deleted
     *     then, because the run it protects is unknown
     * @throws IllegalStateException if the current manifest names another scenario; nothing is deleted
     */
    public List<Path> prune(String scenarioId, int keepRuns, Duration minAge) {
        WarehouseLayout.checkScenarioId(scenarioId);
        checkArguments(keepRuns, minAge);
        // Read before listing: a run published after this read is younger than minAge anyway.
        Optional<String> currentRun = manifests.current(scenarioId).map(RunManifest::runId);
        Instant now = clock.instant();
        List<Path> deleted = new ArrayList<>();

        Path scenarioDir = layout.scenarioRunsDir(scenarioId);
        List<Path> runs = new ArrayList<>();
        List<Path> interrupted = new ArrayList<>();
        for (Path child : list(scenarioDir)) {
            String name = child.getFileName().toString();
            if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (name.startsWith(".")) {
                if (name.endsWith(DELETING_SUFFIX)) {
                    interrupted.add(child);
                }
                continue;
            }
            runs.add(child);
        }
        for (Path dir : interrupted) {
            deleteRecursively(dir);
            deleted.add(dir);
        }

        // Newest first, so the first keepRuns published runs met are the ones kept.
        runs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        List<Path> doomed = new ArrayList<>();
        int publishedSeen = 0;
        for (Path run : runs) {
            String runId = run.getFileName().toString();
            boolean current = currentRun.isPresent() && currentRun.get().equals(runId);
            boolean published = current || isPublished(run);
            if (published) {
                publishedSeen++;
            }
            if (current || (published && publishedSeen <= keepRuns)) {
                continue;
            }
            Optional<Instant> created = createdAt(run, runId);
            // Unknown age counts as young: when in doubt, keep.
            if (created.isEmpty() || Duration.between(created.get(), now).compareTo(minAge) < 0) {
                continue;
            }
            // A run still being written (a long ensemble) keeps touching its files: not debris yet.
            if (!published && writtenWithin(run, now, minAge)) {
                continue;
            }
            doomed.add(run);
        }
        for (int i = doomed.size() - 1; i >= 0; i--) {
            Path run = doomed.get(i);
            Path hidden = run.resolveSibling("." + run.getFileName() + DELETING_SUFFIX);
            try {
                Files.move(run, hidden, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                continue; // someone else deleted it first
            } catch (AtomicMoveNotSupportedException e) {
                hidden = run;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not retire the run directory " + run + ".", e);
            }
            deleteRecursively(hidden);
            deleted.add(run);
        }

        deleted.addAll(pruneTempManifests(scenarioId, now, minAge));
        return List.copyOf(deleted);
    }

    /** {@link #pruneAll(int, Duration)} with {@link #KEEP_RUNS} and {@link #MIN_AGE}. */
    public List<Path> pruneAll() {
        return pruneAll(KEEP_RUNS, MIN_AGE);
    }

    /**
     * {@link #prune(String, int, Duration)} for every scenario of the warehouse: every directory
     * directly under {@code runs/} whose name is a valid scenario id (hidden entries, plain files and
     * symbolic links there are skipped), in sorted order. For callers that also want to clean up the
     * debris of scenarios other than the one they just ran.
     *
     * <p>A scenario that cannot be pruned (its current manifest is unreadable) does not stop the
     * others: they are pruned first, then the first failure is thrown with any further ones attached as
     * suppressed exceptions. Nothing of the failing scenario is deleted.
     *
     * @return the paths deleted, scenario by scenario in sorted order, each as {@link #prune} orders them
     * @throws UncheckedIOException if {@code runs/} cannot be listed, or as {@link #prune} for the
     *     first scenario that failed
     * @throws IllegalStateException as {@link #prune}, for the first scenario that failed
     */
    public List<Path> pruneAll(int keepRuns, Duration minAge) {
        checkArguments(keepRuns, minAge);
        List<String> scenarios = new ArrayList<>();
        for (Path child : list(layout.runsDir())) {
            String name = child.getFileName().toString();
            if (WarehouseLayout.isValidId(name) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                scenarios.add(name);
            }
        }
        scenarios.sort(Comparator.naturalOrder());
        List<Path> deleted = new ArrayList<>();
        RuntimeException failure = null;
        for (String scenario : scenarios) {
            try {
                deleted.addAll(prune(scenario, keepRuns, minAge));
            } catch (UncheckedIOException | IllegalStateException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(deleted);
    }

    /**
     * Whether {@code <runDir>/_run.json} says {@code "status": "published"}. A missing, empty or
     * unparsable record, or any other status, is not published.
     *
     * <p>The record is read with {@link RunRecordFile}. Only its status matters here, so a record that is
     * JSON but no longer binds to today's {@link RunRecord} (written by an older version, say) is judged
     * by its {@code "status"} field alone: a published run must not become debris because the record's
     * schema moved on.
     */
    static boolean isPublished(Path runDir) {
        try {
            return RunRecordFile.read(runDir).isPublished();
        } catch (UncheckedIOException e) {
            return statusField(runDir.resolve(WarehouseLayout.RUN_RECORD))
                    .filter(RunRecord.PUBLISHED::equals)
                    .isPresent();
        }
    }

    /** The textual {@code "status"} of a JSON object file, or empty if it is missing or not JSON. */
    private static Optional<String> statusField(Path record) {
        try {
            JsonNode status = WarehouseJson.MAPPER.readTree(Files.readAllBytes(record)).path(STATUS);
            return status.isTextual() ? Optional.of(status.textValue()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void checkArguments(int keepRuns, Duration minAge) {
        if (keepRuns < 0) {
            throw new IllegalArgumentException("keepRuns must not be negative, but was " + keepRuns + ".");
        }
        if (minAge == null || minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must be zero or positive, but was " + minAge + ".");
        }
    }

    private List<Path> pruneTempManifests(String scenarioId, Instant now, Duration minAge) {
        String prefix = AtomicFiles.tempPrefix(layout.manifestPath(scenarioId).getFileName().toString());
        List<Path> deleted = new ArrayList<>();
        for (Path file : list(layout.currentDir())) {
            String name = file.getFileName().toString();
            if (!name.startsWith(prefix) || !name.endsWith(AtomicFiles.TMP_SUFFIX)) {
                continue;
            }
            // A young temp file may belong to a publish in progress right now.
            Optional<Instant> modified = modifiedAt(file);
            if (modified.isPresent() && Duration.between(modified.get(), now).compareTo(minAge) >= 0) {
                try {
                    if (Files.deleteIfExists(file)) {
                        deleted.add(file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete the stale temp manifest " + file + ".", e);
                }
            }
        }
        return deleted;
    }

    /** Whether any file or directory inside the run was modified less than {@code minAge} before now. */
    private static boolean writtenWithin(Path runDir, Instant now, Duration minAge) {
        Instant since = now.minus(minAge);
        try (var paths = Files.walk(runDir)) {
            return paths.anyMatch(p -> modifiedAt(p).map(m -> m.isAfter(since)).orElse(false));
        } catch (IOException | UncheckedIOException e) {
            return true; // unreadable or vanishing while listed: when in doubt, keep
        }
    }

    private static Optional<Instant> createdAt(Path runDir, String runId) {
        Optional<Instant> fromId = RunIds.timestampOf(runId);
        return fromId.isPresent() ? fromId : modifiedAt(runDir);
    }

    private static Optional<Instant> modifiedAt(Path path) {
        try {
            return Optional.of(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir + ".", e);
        }
        return children;
    }

    /**
     * Deletes a directory tree without following symbolic links (a link is removed, never its target);
     * entries that disappear while walking are not an error.
     */
    static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone: the goal is reached.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root + ".", e);
        }
    }
}
