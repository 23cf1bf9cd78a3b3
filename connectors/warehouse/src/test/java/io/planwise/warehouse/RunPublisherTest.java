package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.contract.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of every run: publish or refuse, _run.json after the manifest, clean-up never fails a publish. */
class RunPublisherTest {
    @TempDir
    Path root;

    private final List<String> warnings = new ArrayList<>();

    private RunRecord started(String runId) {
        return RunRecordFileTest.record(runId);
    }

    @Test
    void aPublishMovesTheManifestThenMarksTheRecordPublishedAndACleanUpFailureIsOnlyAWarning() {
        WarehouseLayout layout = new WarehouseLayout(root);
        RunManifest files = uncheckedRun(layout, "r1");
        RunPublisher publisher = new RunPublisher(layout, Clock.fixed(TestRuns.PUBLISHED, ZoneOffset.UTC), warnings::add,
                scenario -> {
                    throw new IllegalStateException("disk full while deleting an old run");
                });

        RunManifest published = publisher.publish(started("r1"), files.marts());

        assertThat(new ManifestStore(layout).current("s1")).contains(published);
        RunRecord record = RunRecordFile.read(layout.runDir("s1", "r1"));
        assertThat(record.status()).isEqualTo(RunRecord.PUBLISHED);
        assertThat(record.publishedAt()).isEqualTo(published.publishedAt());
        assertThat(record.martRows()).isEqualTo(Map.of("workforce", 30L));
        assertThat(warnings).singleElement().asString().contains("could not remove old runs of scenario s1")
                .contains("disk full");
    }

    @Test
    void aManifestThatCannotBePublishedLeavesNoRecordSayingPublished() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(root);
        RunManifest files = uncheckedRun(layout, "r2");
        Files.delete(layout.resolve(files.marts().get("workforce").files().get(0).path()));
        RunPublisher publisher = new RunPublisher(layout, Clock.systemUTC(), warnings::add);

        assertThatThrownBy(() -> publisher.publish(started("r2"), files.marts())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");

        assertThat(new ManifestStore(layout).current("s1")).isEmpty();
        assertThat(layout.runRecordPath("s1", "r2")).doesNotExist();
    }

    @Test
    void aRefusedRunSaysWhyAndLeavesThePreviousRunCurrent() {
        WarehouseLayout layout = new WarehouseLayout(root);
        RunPublisher publisher = new RunPublisher(layout, Clock.systemUTC(), warnings::add);
        RunManifest first = publisher.publish(started("r3"), uncheckedRun(layout, "r3").marts());
        uncheckedRun(layout, "r4");

        assertThatThrownBy(() -> publisher.refuse(started("r4"), "2025 ending_equals_target: 9 of 10"))
                .isInstanceOf(RunNotPublishedException.class).hasMessageContaining("run r4 of scenario s1 was not published")
                .hasMessageContaining("ending_equals_target");

        assertThat(new ManifestStore(layout).current("s1")).contains(first);
        RunRecord refused = RunRecordFile.read(layout.runDir("s1", "r4"));
        assertThat(refused.status()).isEqualTo(RunRecord.REJECTED);
        assertThat(refused.reason()).isEqualTo("2025 ending_equals_target: 9 of 10");
        assertThat(warnings).isEmpty();
    }

    private static RunManifest uncheckedRun(WarehouseLayout layout, String runId) {
        try {
            return TestRuns.createRun(layout, "s1", runId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
