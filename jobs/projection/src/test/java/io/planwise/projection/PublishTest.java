package io.planwise.projection;

import io.planwise.testing.MartReader;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.warehouse.contract.ProjectionMarts;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCHITECTURE.md 4: a run writes only its own new directory, becomes visible only through an atomic
 * manifest that lists exactly its committed files, and a failed run leaves the previous one current.
 */
class PublishTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private static final ScenarioConfig CONFIG = ScenarioConfig.defaults().withYears(2025, 2026);

    @TempDir
    static Path shared;

    static Path census;

    @TempDir
    Path tmp;

    @BeforeAll
    static void census() throws Exception {
        census = ProjectionRunner.syntheticCensus(shared, 500, 5);
    }

    @Test
    void aConcurrentReaderOnlyEverSeesCompleteRuns() throws Exception {
        Path warehouse = tmp.resolve("wh");
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        ManifestStore store = new ManifestStore(layout);
        AtomicBoolean done = new AtomicBoolean();
        Map<String, RunManifest> seen = new ConcurrentHashMap<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        long[] polls = new long[1];

        Thread reader = new Thread(() -> {
            try (MartReader duck = new MartReader()) {
                while (!done.get()) {
                    Optional<RunManifest> current = store.current(CONFIG.scenarioId());
                    polls[0]++;
                    if (current.isEmpty()) {
                        continue;
                    }
                    RunManifest m = current.get();
                    // Read the files at once: they must exist when the manifest is seen.
                    for (Map.Entry<String, MartEntry> mart : m.marts().entrySet()) {
                        for (MartFile f : mart.getValue().files()) {
                            if (!Files.isRegularFile(layout.resolve(f.path()))) {
                                problems.add(m.runId() + " lists " + f.path() + ", which does not exist");
                            }
                        }
                    }
                    if (seen.putIfAbsent(m.runId() + "@" + m.publishedAt(), m) == null) {
                        problems.addAll(footerMismatches(duck, m, layout));
                    }
                }
            } catch (Throwable t) {
                problems.add("reader failed: " + t);
            }
        }, "manifest-reader");
        reader.setDaemon(true);
        reader.start();

        String first = ProjectionRunner.nextRunId();
        String failed = ProjectionRunner.nextRunId();
        String second = ProjectionRunner.nextRunId();
        try {
            ProjectionRunner.run(census, CONFIG, warehouse, 2, false, first);
            assertThat(catchThrowable(() -> ProjectionRunner.run(census, CONFIG, warehouse, 2, true, failed)))
                    .isNotNull();
            ProjectionRunner.run(census, CONFIG, warehouse, 2, false, second);
            Thread.sleep(200);
        } finally {
            done.set(true);
            reader.join(60_000);
        }

        assertThat(problems).isEmpty();
        assertThat(polls[0]).isGreaterThan(10);
        Set<String> runIds = seen.values().stream().map(RunManifest::runId).collect(Collectors.toSet());
        assertThat(runIds).as("run ids the reader saw").containsExactlyInAnyOrder(first, second);
        assertThat(store.current(CONFIG.scenarioId())).map(RunManifest::runId).contains(second);
    }

    @Test
    void aRunThatFailsAfterCommittingLeavesThePreviousRunCurrent() throws Exception {
        Path warehouse = tmp.resolve("wh");
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        ProjectionRun good = ProjectionRunner.run(census, CONFIG, warehouse, 2);
        Path manifestPath = layout.manifestPath(CONFIG.scenarioId());
        byte[] manifestBefore = Files.readAllBytes(manifestPath);

        String failedRun = ProjectionRunner.nextRunId();
        Throwable failure = catchThrowable(() -> ProjectionRunner.run(census, CONFIG, warehouse, 2, true, failedRun));
        assertThat(failure).isNotNull();
        assertThat(ProjectionRunner.messages(failure)).contains("injected failure");

        assertThat(Files.readAllBytes(manifestPath)).as("manifest after the failed run").isEqualTo(manifestBefore);
        RunManifest current = new ManifestStore(layout).current(CONFIG.scenarioId()).orElseThrow();
        assertThat(current.runId()).isEqualTo(good.runId());

        // The failed run did write and commit its marts, in its own directory ...
        Path failedDir = layout.runDir(CONFIG.scenarioId(), failedRun);
        List<Path> committed = parquetFiles(failedDir);
        assertThat(committed).isNotEmpty();
        assertThat(committed).allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith("part-"));
        assertThat(fingerprint(failedDir).keySet()).as("files left in the failed run's directory")
                .noneMatch(name -> name.contains("inprogress"));
        Set<String> martsWritten = committed.stream().map(p -> failedDir.relativize(p).getName(0).toString())
                .collect(Collectors.toSet());
        assertThat(martsWritten).containsAll(MartReader.ALL.stream().filter(m -> !m.equals(ProjectionMarts.CENSUS_ISSUES.name()))
                .toList());
        try (MartReader m = new MartReader()) {
            String files = committed.stream().filter(p -> p.toString().contains(ProjectionMarts.SNAPSHOT.name()))
                    .map(p -> MartReader.quote(p.toString())).collect(Collectors.joining(", "));
            assertThat(m.count("select count(*) from read_parquet([" + files + "])")).isPositive();
        }
        // ... but nothing of it is referenced: the manifest lists only files of the good run.
        Set<Path> listed = listedFiles(current, layout);
        assertThat(listed).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(good.runDir()));
        assertThat(committed).noneMatch(listed::contains);
        assertThat(Files.list(layout.currentDir()).map(p -> p.getFileName().toString()).toList())
                .containsExactly(manifestPath.getFileName().toString());
    }

    @Test
    void aRerunIsANewRunAndNeverTouchesThePreviousOne() throws Exception {
        Path warehouse = tmp.resolve("wh");
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        ProjectionRun first = ProjectionRunner.run(census, CONFIG, warehouse, 2);
        Map<String, String> before = fingerprint(first.runDir());
        assertThat(before).containsKey("_run.json");
        assertThat(before.keySet()).anyMatch(k -> k.endsWith(".parquet"));
        assertThat(before.keySet()).noneMatch(k -> k.contains("inprogress"));
        Thread.sleep(20); // a rewrite would show in the mtimes

        ProjectionRun second = ProjectionRunner.run(census, CONFIG, warehouse, 2);
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.runDir()).isNotEqualTo(first.runDir()).exists();
        assertThat(second.runDir().getParent()).isEqualTo(first.runDir().getParent());
        assertThat(fingerprint(first.runDir())).as("the first run's files, sizes, mtimes and contents").isEqualTo(before);
        assertThat(listedFiles(second.manifest(), layout)).allSatisfy(p -> assertThat(p).startsWith(second.runDir()));
        assertThat(new ManifestStore(layout).current(CONFIG.scenarioId())).map(RunManifest::runId)
                .contains(second.runId());
        // Same inputs, same content: the rerun's marts equal the first run's, in new files.
        try (MartReader m = new MartReader()) {
            m.attach("a", first.manifest(), layout).attach("b", second.manifest(), layout);
            for (String mart : MartReader.ALL) {
                assertThat(m.count("select count(*) from (select * from a." + mart + " except all select * from b."
                        + mart + ")")).as(mart).isZero();
                assertThat(m.count("select count(*) from a." + mart)).isEqualTo(m.count("select count(*) from b." + mart));
            }
        }
    }

    /** For every file a manifest lists: DuckDB's row count of the Parquet file vs the manifest's. */
    private static List<String> footerMismatches(MartReader duck, RunManifest m, WarehouseLayout layout) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, MartEntry> mart : m.marts().entrySet()) {
            long sum = 0;
            for (MartFile f : mart.getValue().files()) {
                Path file = layout.resolve(f.path());
                if (!file.startsWith(layout.runDir(m.scenarioId(), m.runId()))) {
                    problems.add(m.runId() + " lists " + f.path() + " outside its run directory");
                }
                long rows = duck.count("select count(*) from read_parquet(" + MartReader.quote(file.toString()) + ")");
                if (rows != f.rowCount()) {
                    problems.add(m.runId() + ": " + f.path() + " has " + rows + " rows, the manifest says " + f.rowCount());
                }
                sum += rows;
            }
            if (sum != mart.getValue().rowCount()) {
                problems.add(m.runId() + ": mart " + mart.getKey() + " has " + sum + " rows, manifest says "
                        + mart.getValue().rowCount());
            }
        }
        if (!m.marts().keySet().containsAll(MartReader.ALL)) {
            problems.add(m.runId() + " lacks marts: " + m.marts().keySet());
        }
        return problems;
    }

    private static Set<Path> listedFiles(RunManifest m, WarehouseLayout layout) {
        return m.marts().keySet().stream().flatMap(mart -> m.filesOf(mart, layout).stream()).collect(Collectors.toSet());
    }

    private static List<Path> parquetFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .sorted().toList();
        }
    }

    /** Every file under dir (hidden ones too): relative path -> size, mtime and SHA-256. */
    private static Map<String, String> fingerprint(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                out.put(dir.relativize(p).toString(), a.size() + " " + a.lastModifiedTime() + " " + sha);
            }
        }
        return out;
    }
}
