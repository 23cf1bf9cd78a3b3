package io.planwise.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Flink's Java 17 module flags (the add-opens/add-exports list of its config.yaml) exist once in the
 * repository, in {@code jobs/flink-jvm.args}, a java launcher argument file that every JVM running
 * Flink reads with {@code @file}. This test fails when a copy of the list appears anywhere else.
 */
class JvmFlagsFileTest {

    private static final String FLAGS_FILE = "jobs/flink-jvm.args";

    /**
     * A module flag with its target, e.g. the opens of java.base/java.lang. Built from pieces so this
     * source file does not match itself; prose that names the options without a module does not match.
     */
    private static final Pattern FLAG = Pattern.compile("-" + "-add-" + "(?:opens|exports)" + "[= ]+\"?[\\w.]+/");

    /** Directories that are not sources: build output, VCS data, local run state. */
    private static final Set<String> SKIPPED_DIRS =
            Set.of("target", ".git", ".planwise", "warehouse", "bench-data", "node_modules", ".idea", ".vscode");

    @Test
    void theFlagsFileIsTheOnlyCopyOfTheList() throws IOException {
        Path root = repositoryRoot();
        Path flagsFile = root.resolve(FLAGS_FILE);
        List<String> copies = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !file.equals(flagsFile) && isScanned(root.relativize(file))
                        && attrs.size() < 4_000_000) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < lines.size(); i++) {
                        if (FLAG.matcher(lines.get(i)).find()) {
                            copies.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(copies)
                .as("module flags outside %s; read that file instead (java @%s)", FLAGS_FILE, FLAGS_FILE)
                .isEmpty();
    }

    @Test
    void theFlagsFileHoldsOneFlagALine() throws IOException {
        List<String> flags = flags();
        assertThat(flags).isNotEmpty().doesNotHaveDuplicates();
        assertThat(flags).allSatisfy(flag -> assertThat(flag).matches(FLAG.pattern() + "[\\w.]+=ALL-UNNAMED"));
    }

    /** Surefire's argLine passes the file ({@code @…/jobs/flink-jvm.args}) to this forked JVM. */
    @Test
    void thisTestJvmGotEveryFlag() throws IOException {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(flags());
    }

    private static List<String> flags() throws IOException {
        return Files.readAllLines(repositoryRoot().resolve(FLAGS_FILE)).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** The files a JVM command line could be written in: build files, scripts, sources, docs, config. */
    private static boolean isScanned(Path relative) {
        String name = relative.getFileName().toString();
        return name.equals("pom.xml") || name.startsWith("Dockerfile") || name.equals("planwise")
                || relative.startsWith(".ci") || relative.startsWith(".mvn") || name.endsWith(".sh")
                || name.endsWith(".cmd") || name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".yml")
                || name.endsWith(".yaml") || name.endsWith(".properties") || name.endsWith(".config");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FLAGS_FILE)) && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root with " + FLAGS_FILE + " above " + Path.of("").toAbsolutePath());
    }
}
