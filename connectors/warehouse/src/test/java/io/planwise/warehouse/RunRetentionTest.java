package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.contract.RunRecord;
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
import java.util.Map;
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

    private static String idAgo(Duration ago) {
        return RunIds.next(Clock.fixed(NOW.minus(ago), ZoneOffset.UTC));
    }

    /**
     * Creates a partial run (files, but no {@code _run.json}: a run being written or one that was
     * killed) whose id says it was created {@code ago} before NOW.
     */
    private String runAgo(String scenario, Duration ago) throws IOException {
        String id = idAgo(ago);
        TestRuns.createRun(layout, scenario, id);
        return lastWritten(scenario, id, ago);
    }

    /** Dates every file and directory of the run {@code ago} before NOW: its writer stopped then. */
    private String lastWritten(String scenario, String id, Duration ago) throws IOException {
        FileTime then = FileTime.from(NOW.minus(ago));
        try (Stream<Path> paths = Files.walk(layout.runDir(scenario, id))) {
            for (Path p : paths.toList()) {
                Files.setLastModifiedTime(p, then);
            }
        }
        return id;
    }

    /** Like {@link #runAgo}, with a hidden in-progress part file as FileSink leaves it. */
    private String partialAgo(String scenario, Duration ago) throws IOException {
        String id = runAgo(scenario, ago);
        Files.writeString(layout.runDir(scenario, id).resolve("workforce/simulation_year=2025/.part-1-0.inprogress.x"), "x");
        return lastWritten(scenario, id, ago);
    }

    /** Creates a run whose {@code _run.json} says {@code "status": "published"}. */
    private String publishedAgo(String scenario, Duration ago) throws IOException {
        String id = idAgo(ago);
        TestRuns.createPublishedRun(layout, scenario, id);
        return lastWritten(scenario, id, ago);
    }

    /** Creates a run whose {@code _run.json} has the given status. */
    private String withStatusAgo(String scenario, Duration ago, String status) throws IOException {
        String id = runAgo(scenario, ago);
        TestRuns.writeRunRecord(layout, scenario, id, status);
        return lastWritten(scenario, id, ago);
    }

    /** Creates a run whose {@code _run.json} has exactly the given content. */
    private String withRecordAgo(String scenario, Duration ago, String content) throws IOException {
        String id = runAgo(scenario, ago);
        Files.writeString(layout.runRecordPath(scenario, id), content);
        return lastWritten(scenario, id, ago);
    }

    private List<String> remainingRuns(String scenario) throws IOException {
        try (Stream<Path> s = Files.list(layout.scenarioRunsDir(scenario))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path[] dirs(String scenario, List<String> ids) {
        return ids.stream().sorted().map(id -> layout.runDir(scenario, id)).toArray(Path[]::new);
    }

    private static List<String> sorted(String... ids) {
        return Stream.of(ids).sorted().toList();
    }

    // Rewritten for the published-only rule: the runs used to have no _run.json and counted because
    // every run directory counted; now they are published runs, with the same assertions.
    @Test
    void anUnpublishedRunStillBeingWrittenIsKeptWhateverTheAgeOfItsId() throws IOException {
        String longEnsemble = partialAgo("s", Duration.ofHours(5));
        Path part = layout.runDir("s", longEnsemble).resolve("workforce/simulation_year=2026/.part-2-0.inprogress.y");
        Files.writeString(part, "still writing");
        Files.setLastModifiedTime(part, FileTime.from(NOW.minus(Duration.ofMinutes(2))));
        String abandoned = partialAgo("s", Duration.ofHours(5));

        new RunRetention(layout, Clock.fixed(NOW, ZoneOffset.UTC)).prune("s");

        assertThat(remainingRuns("s")).containsExactly(longEnsemble).doesNotContain(abandoned);
    }

    @Test
    void keepsTheNewestFivePublishedRunsAndDeletesOlderOnes() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int hours = 10; hours >= 2; hours--) { // 9 runs, oldest first, all older than an hour
            ids.add(publishedAgo("s", Duration.ofHours(hours)));
        }

        List<Path> deleted = retention.prune("s", RunRetention.KEEP_RUNS, RunRetention.MIN_AGE);

        assertThat(remainingRuns("s")).containsExactlyElementsOf(ids.subList(4, 9));
        assertThat(deleted).containsExactly(dirs("s", ids.subList(0, 4)));
        assertThat(retention.prune("s")).isEmpty();
    }

    @Test
    void partialRunsNeverCountTowardTheNewestFive() throws IOException {
        List<String> published = new ArrayList<>();
        for (int hours = 10; hours >= 4; hours--) { // 7 published runs, all older than an hour
            published.add(publishedAgo("s", Duration.ofHours(hours)));
        }
        // Old debris of killed runs: older than every published run, between them, and newer than all
        // of them (these used to take the "newest five" places and push published runs out).
        String oldest = partialAgo("s", Duration.ofHours(11));
        String between = partialAgo("s", Duration.ofMinutes(7 * 60 + 30));
        String newer1 = partialAgo("s", Duration.ofHours(3));
        String newer2 = runAgo("s", Duration.ofHours(2));
        String justOld = partialAgo("s", Duration.ofMinutes(60));
        // Young partial runs may be being written right now.
        String young1 = partialAgo("s", Duration.ofMinutes(59));
        String young2 = runAgo("s", Duration.ofMinutes(5));

        List<Path> deleted = retention.prune("s");

        List<String> expected = new ArrayList<>(published.subList(2, 7));
        expected.addAll(List.of(young1, young2));
        assertThat(remainingRuns("s")).containsExactlyElementsOf(sorted(expected.toArray(String[]::new)));
        assertThat(deleted).containsExactly(dirs("s",
                List.of(oldest, published.get(0), published.get(1), between, newer1, newer2, justOld)));
        assertThat(retention.prune("s")).isEmpty();
    }

    @Test
    void rejectedFailedAndUnreadableRunsAreDebrisOnceOlderThanMinAge() throws IOException {
        Duration old = Duration.ofMinutes(61);
        String published = publishedAgo("s", Duration.ofHours(30));
        String rejected = withStatusAgo("s", old, "rejected");
        String failed = withStatusAgo("s", Duration.ofHours(2), "failed");
        String otherStatus = withStatusAgo("s", Duration.ofHours(3), "whatever");
        String wrongCase = withStatusAgo("s", Duration.ofHours(4), "PUBLISHED");
        String notJson = withRecordAgo("s", Duration.ofHours(5), "{ \"status\": \"published\"");
        String empty = withRecordAgo("s", Duration.ofHours(6), "");
        String notText = withRecordAgo("s", Duration.ofHours(7), "{\"status\": true}");
        String notObject = withRecordAgo("s", Duration.ofHours(8), "[\"published\"]");
        String noStatus = withRecordAgo("s", Duration.ofHours(9), "{\"run_id\": \"x\"}");
        String youngRejected = withStatusAgo("s", Duration.ofMinutes(30), "rejected");

        List<Path> deleted = retention.prune("s");

        assertThat(remainingRuns("s")).containsExactlyElementsOf(sorted(published, youngRejected));
        assertThat(deleted).containsExactly(dirs("s",
                List.of(rejected, failed, otherStatus, wrongCase, notJson, empty, notText, notObject, noStatus)));
        assertThat(layout.runRecordPath("s", youngRejected)).exists();
    }

    @Test
    void neverDeletesTheCurrentRunEvenIfOld() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int hours = 10; hours >= 2; hours--) {
            ids.add(publishedAgo("s", Duration.ofHours(hours)));
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
    void keepsTheCurrentRunWithoutPublishedStatusAndCountsItAsPublished() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int hours = 10; hours >= 5; hours--) { // 6 published runs
            ids.add(publishedAgo("s", Duration.ofHours(hours)));
        }
        // Crash between the manifest move and the _run.json update: current, but no record at all.
        String current = runAgo("s", Duration.ofHours(3));
        store.publish(TestRuns.createRun(layout, "s", current));

        List<Path> deleted = retention.prune("s");

        List<String> expected = new ArrayList<>(ids.subList(2, 6));
        expected.add(current);
        assertThat(remainingRuns("s")).containsExactlyElementsOf(expected);
        assertThat(deleted).containsExactly(dirs("s", ids.subList(0, 2)));
        assertThat(store.current("s").orElseThrow().filesOf("workforce", layout)).allMatch(Files::exists);
    }

    @Test
    void neverDeletesTheCurrentRunWhateverItsRunRecordSays() throws IOException {
        String current = withStatusAgo("s", Duration.ofDays(3), "rejected");
        store.publish(TestRuns.createRun(layout, "s", current));
        List<String> newer = new ArrayList<>();
        for (int hours = 10; hours >= 2; hours--) {
            newer.add(publishedAgo("s", Duration.ofHours(hours)));
        }

        List<Path> deleted = retention.prune("s", 0, Duration.ZERO);

        assertThat(remainingRuns("s")).containsExactly(current);
        assertThat(deleted).containsExactly(dirs("s", newer));
        assertThat(store.current("s").orElseThrow().filesOf("workforce", layout)).allMatch(Files::exists);
    }

    @Test
    void neverDeletesYoungRunsBeyondTheKeepCount() throws IOException {
        String old1 = publishedAgo("s", Duration.ofHours(5));
        String old2 = publishedAgo("s", Duration.ofHours(3));
        String young1 = publishedAgo("s", Duration.ofMinutes(59));
        String young2 = publishedAgo("s", Duration.ofMinutes(20));
        String young3 = publishedAgo("s", Duration.ofMinutes(10));

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
        String otherPartial = runAgo("other", Duration.ofDays(3));
        String otherPublished = publishedAgo("other", Duration.ofDays(3));
        runAgo("s", Duration.ofDays(3));
        publishedAgo("s", Duration.ofDays(3));

        retention.prune("s", 0, Duration.ZERO);

        assertThat(remainingRuns("s")).isEmpty();
        assertThat(remainingRuns("other")).containsExactlyElementsOf(sorted(otherPartial, otherPublished));
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

    /** Old published runs beyond the keep count, old debris, a leftover deletion and a stale temp manifest. */
    private List<Path> everythingPrunable(String scenario) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (int hours = 10; hours >= 2; hours--) {
            paths.add(layout.runDir(scenario, publishedAgo(scenario, Duration.ofHours(hours))));
        }
        paths.add(layout.runDir(scenario, partialAgo(scenario, Duration.ofDays(3))));
        paths.add(layout.runDir(scenario, withStatusAgo(scenario, Duration.ofDays(2), "rejected")));
        Path halfDeleted = Files.createDirectories(layout.scenarioRunsDir(scenario).resolve(".old.deleting"));
        paths.add(halfDeleted);
        Files.createDirectories(layout.currentDir());
        Path staleTmp = Files.writeString(layout.currentDir().resolve("." + scenario + ".abcdef.tmp"), "{");
        Files.setLastModifiedTime(staleTmp, FileTime.from(NOW.minus(Duration.ofDays(1))));
        paths.add(staleTmp);
        return paths;
    }

    @Test
    void refusesToPruneWhenTheCurrentManifestIsUnreadable() throws IOException {
        List<Path> everything = everythingPrunable("s");
        Files.writeString(layout.manifestPath("s"), "{ not json");

        assertThatThrownBy(() -> retention.prune("s", 0, Duration.ZERO)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> retention.prune("s")).isInstanceOf(UncheckedIOException.class);
        assertThat(everything).allMatch(Files::exists);
        assertThat(remainingRuns("s")).hasSize(12);
    }

    @Test
    void refusesToPruneWhenTheCurrentManifestNamesAnotherScenario() throws IOException {
        List<Path> everything = everythingPrunable("s");
        String otherRun = runAgo("other", Duration.ofDays(1));
        store.publish(TestRuns.createRun(layout, "other", otherRun));
        Files.copy(layout.manifestPath("other"), layout.manifestPath("s"));

        assertThatThrownBy(() -> retention.prune("s", 0, Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThat(everything).allMatch(Files::exists);
    }

    @Test
    void pruneAllPrunesEveryScenario() throws IOException {
        // Scenario a: six published runs (the oldest is beyond the five), old and young partial runs.
        List<String> a = new ArrayList<>();
        for (int hours = 10; hours >= 5; hours--) {
            a.add(publishedAgo("a", Duration.ofHours(hours)));
        }
        String aOldPartial = partialAgo("a", Duration.ofHours(2));
        String aYoungPartial = partialAgo("a", Duration.ofMinutes(10));
        // Scenario b: an old current run without status, an old rejected run, a stale temp manifest.
        String bCurrent = runAgo("b", Duration.ofDays(2));
        store.publish(TestRuns.createRun(layout, "b", bCurrent));
        String bRejected = withStatusAgo("b", Duration.ofDays(1), "rejected");
        Path bStaleTmp = Files.writeString(layout.currentDir().resolve(".b.abcdef.tmp"), "{");
        Files.setLastModifiedTime(bStaleTmp, FileTime.from(NOW.minus(Duration.ofHours(2))));
        // Things under runs/ that are not scenarios.
        Path file = Files.writeString(layout.runsDir().resolve("README.txt"), "x");
        Path hidden = Files.createDirectories(layout.runsDir().resolve(".trash").resolve(idAgo(Duration.ofDays(9))));
        Path notAnId = Files.createDirectories(layout.runsDir().resolve("not.a.scenario").resolve(idAgo(Duration.ofDays(9))));

        List<Path> deleted = retention.pruneAll();

        assertThat(deleted).containsExactly(
                layout.runDir("a", a.get(0)), layout.runDir("a", aOldPartial),
                layout.runDir("b", bRejected), bStaleTmp);
        List<String> aExpected = new ArrayList<>(a.subList(1, 6));
        aExpected.add(aYoungPartial);
        assertThat(remainingRuns("a")).containsExactlyElementsOf(aExpected);
        assertThat(remainingRuns("b")).containsExactly(bCurrent);
        assertThat(file).exists();
        assertThat(hidden).exists();
        assertThat(notAnId).exists();
        assertThat(retention.pruneAll()).isEmpty();
    }

    @Test
    void pruneAllPrunesTheOtherScenariosWhenOneCannotBePruned() throws IOException {
        String aPartial = runAgo("a", Duration.ofDays(1));
        Files.createDirectories(layout.currentDir());
        Files.writeString(layout.manifestPath("a"), "{ not json");
        String bPartial = runAgo("b", Duration.ofDays(1));
        String cPartial = runAgo("c", Duration.ofDays(1));
        Files.writeString(layout.manifestPath("c"), "");

        assertThatThrownBy(() -> retention.pruneAll(0, Duration.ZERO))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("a.json")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

        assertThat(remainingRuns("a")).containsExactly(aPartial);
        assertThat(remainingRuns("b")).isEmpty();
        assertThat(remainingRuns("c")).containsExactly(cPartial);
        assertThat(bPartial).isNotEmpty();
    }

    @Test
    void publishedMeansAPublishedStatusInTheRunRecord() throws IOException {
        Path dir = Files.createDirectories(layout.runDir("s", "r"));
        assertThat(RunRetention.isPublished(dir)).isFalse();
        RunRecord started = RunRecord.started("flink", 1, 1, 2, NOW, "csv", Map.of(), Map.of(), "s", "r");
        RunRecordFile.write(dir, started);
        assertThat(RunRetention.isPublished(dir)).isFalse();
        RunRecordFile.write(dir, started.rejected("a check failed"));
        assertThat(RunRetention.isPublished(dir)).isFalse();
        RunRecordFile.write(dir, started.failed("killed"));
        assertThat(RunRetention.isPublished(dir)).isFalse();
        RunRecordFile.write(dir, started.published(NOW, Map.of("workforce", 3L)));
        assertThat(RunRetention.isPublished(dir)).isTrue();
        assertThat(RunRetention.isPublished(layout.runDir("s", "missing"))).isFalse();
    }

    @Test
    void aPublishedRecordThatNoLongerBindsStillCountsAsPublished() throws IOException {
        Path dir = Files.createDirectories(layout.runDir("s", "r"));
        // "trials" as an object: valid JSON that today's RunRecord cannot bind.
        Files.writeString(dir.resolve("_run.json"), "{\"trials\": {\"n\": 1}, \"status\": \"published\"}");
        assertThatThrownBy(() -> RunRecordFile.read(dir)).isInstanceOf(UncheckedIOException.class);
        assertThat(RunRetention.isPublished(dir)).isTrue();
        Files.writeString(dir.resolve("_run.json"), "{\"trials\": {\"n\": 1}, \"status\": \"rejected\"}");
        assertThat(RunRetention.isPublished(dir)).isFalse();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> retention.prune("../s", 5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.prune("s", -1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.prune("s", 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.pruneAll(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.pruneAll(1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(retention.prune("s", 0, Duration.ZERO)).isEmpty();
        assertThat(retention.pruneAll()).isEmpty();
    }
}
