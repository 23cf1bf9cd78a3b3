package io.planwise.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The temp directory of one {@code planwise} process, so that a run leaves nothing behind.
 *
 * <p><b>Layout.</b> Inside the temp directory the process was started with ({@code java.io.tmpdir};
 * {@code ./planwise} points it at {@code .planwise/tmp} or {@code PLANWISE_TMPDIR}) the process claims
 * {@code planwise-<pid>/} and makes it its {@code java.io.tmpdir} before any engine starts: the
 * embedded Flink cluster's RPC jar, blob store and spill files, DuckDB's spill directory, exported
 * assumption tables all land there.
 *
 * <p><b>Lifecycle.</b> It is deleted when the command ends ({@link #close}), also on Ctrl-C and
 * SIGTERM (a shutdown hook). A process killed with SIGKILL cannot clean up: its directory stays,
 * and the next {@code planwise} process deletes every {@code planwise-<pid>} directory whose process
 * no longer exists. Nothing else in the temp directory is touched, so a shared {@code /tmp} is safe.
 *
 * <p>The claim is made first thing in main(), before any Flink class initializes (Flink reads
 * {@code java.io.tmpdir} into its option defaults then). Inside a Flink cluster (main() of a REST
 * submission) the JobManager owns its temp directories and the claim is given up at once.
 */
final class ScratchDirectory implements AutoCloseable {
    static final String PREFIX = "planwise-";

    private final Path directory;
    private final String previous;
    private final Thread hook;

    private ScratchDirectory(Path directory, String previous) {
        this.directory = directory;
        this.previous = previous;
        this.hook = new Thread(() -> delete(directory), "planwise scratch clean-up");
    }

    /** Removes dead processes' directories below the current temp directory and claims this one's. */
    static ScratchDirectory claim() throws IOException {
        String previous = System.getProperty("java.io.tmpdir");
        Path base = Path.of(previous).toAbsolutePath();
        Files.createDirectories(base);
        removeDebris(base);
        Path own = Files.createDirectories(base.resolve(PREFIX + ProcessHandle.current().pid()));
        System.setProperty("java.io.tmpdir", own.toString());
        ScratchDirectory scratch = new ScratchDirectory(own, previous);
        Runtime.getRuntime().addShutdownHook(scratch.hook);
        return scratch;
    }

    /** Deletes {@code planwise-<pid>} directories of processes that no longer run; returns them. */
    static List<Path> removeDebris(Path base) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path entry : entries) {
                Optional<Long> pid = pidOf(entry);
                if (pid.isPresent() && ProcessHandle.of(pid.get()).isEmpty() && Files.isDirectory(entry)) {
                    delete(entry);
                    removed.add(entry);
                }
            }
        }
        return removed;
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        System.setProperty("java.io.tmpdir", previous);
        delete(directory);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private static Optional<Long> pidOf(Path entry) {
        String name = entry.getFileName().toString().substring(PREFIX.length());
        try {
            return Optional.of(Long.parseLong(name));
        } catch (NumberFormatException e) {
            return Optional.empty(); // not ours
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // what cannot be deleted now is debris the next process removes
        }
    }
}
