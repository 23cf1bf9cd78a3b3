package io.planwise.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own scratch directory, {@code <parent>/planwise-api-<pid>-<random>/}: the
 * {@link EmployeeIndex} database and DuckDB's spill files. Nothing in it outlives the server: it is
 * deleted on {@link #close}, and a directory left by a server that was killed (its pid no longer
 * runs) is deleted by the next server that starts in the same parent. The random part keeps several
 * servers of one process (tests, the load benchmark) apart.
 */
final class WorkDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectory.class);
    private static final String PREFIX = "planwise-api-";

    private final Path dir;

    private WorkDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates this process's directory under {@code parent}, after removing those of dead servers.
     *
     * @throws IllegalArgumentException naming the directory when it cannot be created
     */
    static WorkDirectory create(Path parent) {
        Path root = parent.toAbsolutePath().normalize();
        removeAbandoned(root);
        try {
            Files.createDirectories(root);
            return new WorkDirectory(Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-"));
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("A work directory cannot be created in " + root + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return dir;
    }

    private static void removeAbandoned(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                Optional<Long> pid = pidOf(child);
                if (pid.isPresent() && pid.get() != ProcessHandle.current().pid()
                        && !ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    LOG.info("Removing {}, left by a server that no longer runs", child);
                    deleteTree(child);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not look for abandoned work directories in {}: {}", root, e.toString());
        }
    }

    private static Optional<Long> pidOf(Path child) {
        String name = child.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(child)) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return Optional.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            deleteTree(dir);
        } catch (UncheckedIOException e) {
            LOG.warn("Could not delete the work directory {}: {}", dir, e.toString());
        }
    }
}
