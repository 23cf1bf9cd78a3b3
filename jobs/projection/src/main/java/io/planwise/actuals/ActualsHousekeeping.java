package io.planwise.actuals;

import io.planwise.connector.mart.StreamingMartCompactor;
import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.Mart;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what earlier runs of the actuals job left behind, once this run has a completed
 * checkpoint of its own: abandoned in-progress part files and all but the newest checkpoints; and
 * compacts the marts' small committed files on a schedule.
 *
 * <p><b>Abandoned part files.</b> A run that is killed, cancelled or restarted leaves the hidden
 * in-progress files it was writing ({@code <mart>/.part-….inprogress.…}): Flink's FileSink cannot
 * resume a bulk (Parquet) file, so after a restore it replays those rows into new files and never
 * looks at the old ones again. A hidden file can still matter in one case: it was closed for a
 * checkpoint that completed, but the run died before renaming it. Such files are in the restored
 * checkpoint's state, and the sink's committer renames them while the restored job initialises,
 * before any task runs — so before this run's first checkpoint can complete. From then on, every
 * hidden part file last written more than {@link #MARGIN_MILLIS} before this run started is debris
 * of an earlier run, and is deleted. The margin covers file systems that keep modification times
 * in whole seconds and clocks that differ a little between the machine that started the run and
 * the storage; files of a failed attempt inside this run, or written just before it started, wait
 * for the next start.
 *
 * <p><b>Checkpoints.</b> Each start is a new Flink job with its own {@code <checkpoints>/<job id>/}
 * directory (one retained checkpoint each). After this run's first completed checkpoint, the job
 * directories are ranked by their newest completed checkpoint and only the newest {@code keep}
 * (this run's among them) stay; directories that are not Flink job ids are never touched.
 *
 * <p><b>Compaction.</b> Every checkpoint with new events commits a file per subtask and mart (about
 * 8,600 a day at a one-minute interval). Every {@link Schedule#every()}, the first completed
 * checkpoint after it merges each mart's small committed files into one
 * ({@link StreamingMartCompactor}; the rule readers follow and why it is safe for them and for
 * exactly-once are in {@link StreamingMartFiles}); the replaced files stay for
 * {@link Schedule#grace()} so that scans already under way finish.
 *
 * <p>{@code startedAtMillis} is when the run was started: the CLI's clock before it submitted the job.
 */
public final class ActualsHousekeeping implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    /** How much older than the run's start a hidden part file must be to count as debris. */
    public static final long MARGIN_MILLIS = 5_000;

    // Paths as text: the job ships this object to its tasks, and java.nio paths are not serializable.
    private final String actualsDirectory;
    private final String checkpointDirectory;
    private final long startedAtMillis;
    private final int keep;
    private final Schedule compaction;

    /** How often the marts are compacted ({@code every} null: never), and how long replaced files stay. */
    public record Schedule(Duration every, Duration grace) implements Serializable {
        public static final Schedule NEVER = new Schedule(null, Duration.ZERO);
    }

    public ActualsHousekeeping(Path actualsDirectory, Path checkpointDirectory, long startedAtMillis, int keep,
            Schedule compaction) {
        if (keep < 1) {
            throw new IllegalArgumentException("at least one checkpoint must be kept (the one the next start resumes from), got " + keep);
        }
        this.actualsDirectory = actualsDirectory.toAbsolutePath().toString();
        this.checkpointDirectory = checkpointDirectory.toAbsolutePath().toString();
        this.startedAtMillis = startedAtMillis;
        this.keep = keep;
        this.compaction = compaction;
    }

    /** Whether a compaction is due, {@code lastMillis} being the last one's time (or the run's start). */
    public boolean compactionDue(long lastMillis, long nowMillis) {
        return compaction.every() != null && nowMillis - lastMillis >= compaction.every().toMillis();
    }

    /** One compaction round over every actuals mart; returns how many files were merged. */
    public int compact(Instant now) {
        StreamingMartCompactor compactor = new StreamingMartCompactor(compaction.grace());
        int merged = 0;
        for (Mart mart : ActualsMarts.ALL) {
            merged += compactor.compact(Path.of(actualsDirectory, mart.name()), now).merged();
        }
        return merged;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** Where the actuals marts are. */
    public Path actualsDirectory() {
        return Path.of(actualsDirectory);
    }

    /** What one sweep removed. */
    public record Removed(int partFiles, int checkpoints) {}

    /** Sweeps; call it only once this run (job id {@code currentJob}) has completed a checkpoint. */
    public Removed afterFirstCheckpoint(String currentJob) {
        return new Removed(removeAbandonedPartFiles(), removeOldCheckpoints(currentJob));
    }

    private int removeAbandonedPartFiles() {
        int removed = 0;
        for (Mart mart : ActualsMarts.ALL) {
            Path dir = Path.of(actualsDirectory, mart.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path f : StreamingMartFiles.list(dir)) {
                String name = f.getFileName().toString();
                if (name.startsWith(".part-") && name.contains(".inprogress.") && lastWritten(f) < startedAtMillis - MARGIN_MILLIS && delete(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private int removeOldCheckpoints(String currentJob) {
        Path checkpoints = Path.of(checkpointDirectory);
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        List<Path> jobs = new ArrayList<>(StreamingMartFiles.list(checkpoints).stream()
                .filter(p -> Files.isDirectory(p) && JOB_ID.matcher(p.getFileName().toString()).matches())
                .toList());
        jobs.sort(Comparator.comparing((Path p) -> p.getFileName().toString().equals(currentJob))
                .thenComparingLong(ActualsCheckpoints::newestCompletedAt).reversed());
        int removed = 0;
        for (Path old : jobs.subList(Math.min(keep, jobs.size()), jobs.size())) {
            deleteTree(old);
            removed++;
        }
        return removed;
    }

    private static long lastWritten(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (NoSuchFileException gone) {
            return Long.MAX_VALUE; // renamed or removed meanwhile: not ours to delete
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean delete(Path f) {
        try {
            return Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + f, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException gone) {
            // removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
