package io.planwise.warehouse;

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
 * Deletes old run directories of a scenario, and leftovers of crashed publishes and deletions.
 *
 * <p>A run directory is deleted only if it is not among the newest {@code keepRuns} runs (by run id,
 * which sorts by creation time), is not the run the current manifest names, and is at least
 * {@code minAge} old. The age guard is what makes pruning safe while a job is running: the run being
 * written, and a run that is about to be published, are young, so a publish racing with a prune can
 * never lose its files. The age comes from the run id's timestamp, or the directory's modification
 * time when the name is not a {@link RunIds} id.
 *
 * <p>A doomed directory is first renamed to a hidden {@code .<run>.deleting} name and then deleted
 * recursively, so nobody sees a half-deleted run under its real name, and a crash half-way leaves a
 * hidden directory that the next prune finishes. Deletion tolerates files that vanish concurrently
 * (another prune, an operator).
 */
public final class RunRetention {

    /** Default number of newest runs kept per scenario. */
    public static final int KEEP_RUNS = 5;

    /** Default minimum age before a run (or a stale temp manifest) may be deleted. */
    public static final Duration MIN_AGE = Duration.ofHours(1);

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
     * Deletes the scenario's run directories beyond the newest {@code keepRuns}, except the current
     * run and runs younger than {@code minAge}; also removes this scenario's temp manifests in
     * {@code current/} older than {@code minAge} and leftovers of interrupted deletions.
     *
     * @return the paths deleted: leftovers of interrupted deletions, then run directories (under their
     *     original names) oldest first, then stale temp manifests
     * @throws UncheckedIOException if the current manifest cannot be read; nothing is deleted then,
     *     because the run it protects is unknown
     */
    public List<Path> prune(String scenarioId, int keepRuns, Duration minAge) {
        WarehouseLayout.checkScenarioId(scenarioId);
        if (keepRuns < 0) {
            throw new IllegalArgumentException("keepRuns must not be negative, but was " + keepRuns + ".");
        }
        if (minAge == null || minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must be zero or positive, but was " + minAge + ".");
        }
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

        runs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        List<Path> doomed = new ArrayList<>();
        for (int i = keepRuns; i < runs.size(); i++) {
            Path run = runs.get(i);
            String runId = run.getFileName().toString();
            if (currentRun.isPresent() && currentRun.get().equals(runId)) {
                continue;
            }
            Optional<Instant> created = createdAt(run, runId);
            // Unknown age counts as young: when in doubt, keep.
            if (created.isEmpty() || Duration.between(created.get(), now).compareTo(minAge) < 0) {
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
