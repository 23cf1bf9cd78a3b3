package io.planwise.model.config;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the documentation tests find the repository's own files (README.md, docs/, examples/):
 * surefire passes -Dplanwise.root (the parent pom sets it); run from an IDE, the first directory
 * upwards from the working directory that has jobs/model.
 */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path path() {
        String configured = System.getProperty("planwise.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "jobs", "model"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("jobs/model"))) {
                return dir;
            }
        }
        return fail("no repository root (a directory with jobs/model) above " + Path.of("").toAbsolutePath()
                + "; pass -Dplanwise.root=PATH");
    }

    /** A file of the repository that must exist, e.g. {@code docs/census.md}. */
    static Path file(String relative) {
        Path file = path().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail(relative + " is missing from the repository (looked at " + file + ")");
        }
        return file;
    }
}
