package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRetentionTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path root;

    private WarehouseLayout layout;
    private ManifestStore store;
    private RunRetention retention;

    @BeforeEach
    void setUp() {
        layout = new WarehouseLayout(root);
        store = new ManifestStore(layout);
        retention = new RunRetention(layout, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Creates a run whose id says it was created {@code ago} before NOW. */
    private String runAgo(String scenario, Duration ago) throws IOException {
        String id = RunIds.next(Clock.fixed(NOW.minus(ago), ZoneOffset.UTC));
        TestRuns.createRun(layout, scenario, id);
        return id;
    }

    private List<String> remainingRuns(String scenario) throws IOException {
        try (Stream<Path> s = Files.list(layout.scenarioRunsDir(scenario))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestFiveAndDeletesOlderRuns() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int hours = 10; hours >= 2; hours--) { // 9 runs, oldest first, all older than an hour
            ids.add(runAgo("s", Duration.ofHours(hours)));
        }

        List<Path> deleted = retention.prune("s", RunRetention.KEEP_RUNS, RunRetention.MIN_AGE);

        assertThat(remainingRuns("s")).containsExactlyElementsOf(ids.subList(4, 9));
        assertThat(deleted).containsExactly(ids.subList(0, 4).stream().map(id -> layout.runDir("s", id)).toArray(Path[]::new));
        assertThat(retention.prune("s")).isEmpty();
    }

    @Test
    void neverDeletesTheCurrentRunEvenIfOld() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int hours = 10; hours >= 2; hours--) {
            ids.add(runAgo("s", Duration.ofHours(hours)));
        }
        String oldest = ids.get(0);
        store.publish(TestRuns.createRun(layout, "s", oldest));

        retention.prune("s", 5, Duration.ofHours(1));

        List<String> expected = new ArrayList<>(List.of(oldest));
        expected.addAll(ids.subList(4, 9));
        assertThat(remainingRuns("s")).containsExactlyElementsOf(expected);
        assertThat(store.current("s").orElseThrow().filesOf("workforce", layout)).allMatch(Files::exists);
    }

    @Test
    void neverDeletesYoungRunsBeyondTheKeepCount() throws IOException {
        String old1 = runAgo("s", Duration.ofHours(5));
        String old2 = runAgo("s", Duration.ofHours(3));
        String young1 = runAgo("s", Duration.ofMinutes(59));
        String young2 = runAgo("s", Duration.ofMinutes(20));
        String young3 = runAgo("s", Duration.ofMinutes(10));

        List<Path> deleted = retention.prune("s", 1, Duration.ofHours(1));

        assertThat(remainingRuns("s")).containsExactly(young1, young2, young3);
        assertThat(deleted).containsExactly(layout.runDir("s", old1), layout.runDir("s", old2));
    }

    @Test
    void usesTheModificationTimeWhenTheNameIsNotARunId() throws IOException {
        Path oldManual = Files.createDirectories(layout.runDir("s", "manual-old"));
        Path youngManual = Files.createDirectories(layout.runDir("s", "manual-young"));
        Files.setLastModifiedTime(oldManual, FileTime.from(NOW.minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(youngManual, FileTime.from(NOW.minus(Duration.ofMinutes(5))));

        List<Path> deleted = retention.prune("s", 0, Duration.ofHours(1));

        assertThat(deleted).containsExactly(oldManual);
        assertThat(remainingRuns("s")).containsExactly("manual-young");
    }

    @Test
    void onlyTouchesTheGivenScenario() throws IOException {
        String other = runAgo("other", Duration.ofDays(3));
        runAgo("s", Duration.ofDays(3));

        retention.prune("s", 0, Duration.ZERO);

        assertThat(remainingRuns("s")).isEmpty();
        assertThat(remainingRuns("other")).containsExactly(other);
    }

    @Test
    void removesStaleTempManifestsAndInterruptedDeletions() throws IOException {
        store.publish(TestRuns.createRun(layout, "s", runAgo("s", Duration.ofHours(2))));
        Path staleTmp = Files.writeString(layout.currentDir().resolve(".s.abcdef.tmp"), "{");
        Path freshTmp = Files.writeString(layout.currentDir().resolve(".s.123456.tmp"), "{");
        Path otherScenarioTmp = Files.writeString(layout.currentDir().resolve(".s2.abcdef.tmp"), "{");
        Files.setLastModifiedTime(staleTmp, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(freshTmp, FileTime.from(NOW.minus(Duration.ofMinutes(1))));
        Files.setLastModifiedTime(otherScenarioTmp, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Path halfDeleted = Files.createDirectories(layout.scenarioRunsDir("s").resolve(".old.deleting/mart"));
        Files.writeString(halfDeleted.resolve("part-0.parquet"), "x");

        List<Path> deleted = retention.prune("s");

        assertThat(deleted).containsExactlyInAnyOrder(staleTmp, halfDeleted.getParent());
        assertThat(freshTmp).exists();
        assertThat(otherScenarioTmp).exists();
        assertThat(layout.manifestPath("s")).exists();
        assertThat(halfDeleted.getParent()).doesNotExist();
    }

    @Test
    void deletingSomethingAlreadyGoneIsNotAnError() throws IOException {
        RunRetention.deleteRecursively(root.resolve("never-existed"));
        Path link = root.resolve("link");
        Path target = Files.createDirectories(root.resolve("target-dir"));
        Files.writeString(target.resolve("keep.txt"), "x");
        Path dir = Files.createDirectories(root.resolve("victim"));
        Files.createSymbolicLink(dir.resolve("link"), target);

        RunRetention.deleteRecursively(dir);

        assertThat(dir).doesNotExist();
        assertThat(link).doesNotExist();
        assertThat(target.resolve("keep.txt")).exists();
    }

    @Test
    void refusesToPruneWhenTheCurrentManifestIsUnreadable() throws IOException {
        runAgo("s", Duration.ofDays(3));
        Files.createDirectories(layout.currentDir());
        Files.writeString(layout.manifestPath("s"), "{ not json");

        assertThatThrownBy(() -> retention.prune("s", 0, Duration.ZERO)).isInstanceOf(UncheckedIOException.class);
        assertThat(remainingRuns("s")).hasSize(1);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> retention.prune("../s", 5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.prune("s", -1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.prune("s", 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(retention.prune("s", 0, Duration.ZERO)).isEmpty();
    }
}
