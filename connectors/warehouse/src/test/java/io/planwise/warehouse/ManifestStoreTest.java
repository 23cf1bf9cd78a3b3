package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ManifestStoreTest {

    @TempDir
    Path root;

    private WarehouseLayout layout;
    private ManifestStore store;

    @BeforeEach
    void setUp() {
        layout = new WarehouseLayout(root);
        store = new ManifestStore(layout);
    }

    @Test
    void emptyWarehouseHasNoScenariosAndNoManifest() {
        assertThat(store.scenarios()).isEmpty();
        assertThat(store.current("baseline")).isEmpty();
    }

    @Test
    void publishMakesTheManifestCurrent() throws IOException {
        RunManifest manifest = TestRuns.createRun(layout, "baseline", "r1");

        store.publish(manifest);

        assertThat(store.current("baseline")).contains(manifest);
        assertThat(Files.readString(layout.manifestPath("baseline"))).contains("\"run_id\" : \"r1\"");
    }

    @Test
    void publishReplacesTheOldManifestAndLeavesNoTempFiles() throws IOException {
        store.publish(TestRuns.createRun(layout, "baseline", "r1"));
        RunManifest second = TestRuns.createRun(layout, "baseline", "r2");

        store.publish(second);

        assertThat(store.current("baseline")).contains(second);
        assertThat(listNames(layout.currentDir())).containsExactly("baseline.json");
    }

    @Test
    void scenariosAreSortedAndIgnoreTempAndForeignFiles() throws IOException {
        store.publish(TestRuns.createRun(layout, "zeta", "r1"));
        store.publish(TestRuns.createRun(layout, "alpha", "r1"));
        Files.writeString(layout.currentDir().resolve(".alpha.0123.tmp"), "{half");
        Files.writeString(layout.currentDir().resolve("README.txt"), "hello");
        Files.writeString(layout.currentDir().resolve("not valid.json"), "{}");

        assertThat(store.scenarios()).containsExactly("alpha", "zeta");
    }

    @Test
    void refusesARunWhoseDirectoryDoesNotExist() throws IOException {
        RunManifest old = TestRuns.createRun(layout, "baseline", "r1");
        store.publish(old);
        RunManifest ghost = new RunManifest("baseline", "r2", TestRuns.PUBLISHED, Map.of());

        assertThatThrownBy(() -> store.publish(ghost))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("r2")
                .hasMessageContaining("does not exist");
        assertThat(store.current("baseline")).contains(old);
    }

    @Test
    void refusesAListedFileThatDoesNotExist() throws IOException {
        RunManifest manifest = TestRuns.createRun(layout, "baseline", "r1");
        Path missing = manifest.filesOf("workforce", layout).get(1);
        Files.delete(missing);

        assertThatThrownBy(() -> store.publish(manifest))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(layout.relativize(missing));
        assertThat(store.current("baseline")).isEmpty();
        assertThat(listNames(layout.currentDir())).isEmpty();
    }

    @Test
    void refusesFilesOfAnotherRunAndWrongRowCountsAndAForeignRunDir() throws IOException {
        RunManifest other = TestRuns.createRun(layout, "baseline", "r1");
        RunManifest own = TestRuns.createRun(layout, "baseline", "r2");
        MartEntry borrowed = other.marts().get("workforce");

        assertThatThrownBy(() -> store.publish(
                        new RunManifest("baseline", "r2", TestRuns.PUBLISHED, Map.of("workforce", borrowed))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the run directory");

        MartEntry ownEntry = own.marts().get("workforce");
        MartEntry wrongCount = new MartEntry(ownEntry.rowCount() + 1, ownEntry.columns(), ownEntry.files());
        assertThatThrownBy(() -> store.publish(
                        new RunManifest("baseline", "r2", TestRuns.PUBLISHED, Map.of("workforce", wrongCount))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add up");

        assertThatThrownBy(() -> store.publish(
                        new RunManifest("baseline", "r2", TestRuns.PUBLISHED, "runs/baseline/r1", own.marts())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run_dir");
        assertThat(store.current("baseline")).isEmpty();
    }

    @Test
    void currentRefusesAManifestOfAnotherScenario() throws IOException {
        store.publish(TestRuns.createRun(layout, "baseline", "r1"));
        Files.copy(layout.manifestPath("baseline"), layout.manifestPath("other"));

        assertThatThrownBy(() -> store.current("other")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentReadersSeeOnlyWholeManifests() throws Exception {
        int publishes = 200;
        // Large manifests (many columns) widen the window in which a non-atomic write would be visible.
        List<RunManifest> manifests = new ArrayList<>();
        for (int i = 0; i <= publishes; i++) {
            manifests.add(TestRuns.createRun(layout, "baseline", String.format("run%04d", i), 1500));
        }
        Set<String> published = ConcurrentHashMap.newKeySet();
        published.add(manifests.get(0).runId());
        store.publish(manifests.get(0));

        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        Set<String> observed = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            ManifestStore readerStore = new ManifestStore(layout);
            try {
                while (!done.get()) {
                    Optional<RunManifest> seen = readerStore.current("baseline");
                    RunManifest m = seen.orElseThrow(() -> new AssertionError("manifest vanished during publish"));
                    if (m.marts().get("workforce").columns().size() != 1502) {
                        throw new AssertionError("partial manifest of " + m.runId());
                    }
                    observed.add(m.runId());
                    reads.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "manifest-reader");
        reader.start();

        for (int i = 1; i <= publishes && failure.get() == null; i++) {
            RunManifest next = manifests.get(i);
            published.add(next.runId());
            store.publish(next);
        }
        done.set(true);
        reader.join();

        assertThat(failure.get()).as("reader failure").isNull();
        assertThat(reads.get()).isPositive();
        assertThat(published).containsAll(observed);
        assertThat(store.current("baseline")).contains(manifests.get(publishes));
        assertThat(listNames(layout.currentDir())).containsExactly("baseline.json");
    }

    private static List<String> listNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
