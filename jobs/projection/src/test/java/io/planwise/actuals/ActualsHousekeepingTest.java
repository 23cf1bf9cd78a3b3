package io.planwise.actuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.contract.ActualsMarts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the actuals job removes of earlier runs once it has a checkpoint, on real directories. */
class ActualsHousekeepingTest {
    private static final long NOW = 1_780_000_000_000L;

    @TempDir
    Path tmp;

    private Path file(Path path, long writtenAt) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setLastModifiedTime(path, FileTime.fromMillis(writtenAt));
        return path;
    }

    private Path checkpoint(String job, int n, long completedAt) throws Exception {
        return file(tmp.resolve("checkpoints").resolve(job).resolve("chk-" + n).resolve("_metadata"), completedAt).getParent();
    }

    private static String job(char c) {
        return String.valueOf(c).repeat(32);
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void abandonedInProgressFilesOfEarlierRunsGoAndEverythingElseStays() throws Exception {
        Path events = tmp.resolve("actuals").resolve(ActualsMarts.EVENTS.name());
        Path quarantine = tmp.resolve("actuals").resolve(ActualsMarts.QUARANTINE.name());
        Path oldInProgress = file(events.resolve(".part-5e1c-3.parquet.inprogress.0b7e"), NOW - 60_000);
        Path oldQuarantine = file(quarantine.resolve(".part-77aa-0.parquet.inprogress.91f2"), NOW - 3_600_000);
        Path justBefore = file(events.resolve(".part-5e1c-4.parquet.inprogress.1c2d"), NOW - 1_000);
        Path current = file(events.resolve(".part-9f00-0.parquet.inprogress.aa00"), NOW + 2_000);
        Path committed = file(events.resolve("part-5e1c-2.parquet"), NOW - 60_000);
        Path foreign = file(events.resolve(".notes"), NOW - 60_000);

        ActualsHousekeeping.Removed removed = new ActualsHousekeeping(tmp.resolve("actuals"), tmp.resolve("checkpoints"), NOW, 3, ActualsHousekeeping.Schedule.NEVER)
                .afterFirstCheckpoint(job('c'));

        assertThat(removed.partFiles()).isEqualTo(2);
        assertThat(oldInProgress).doesNotExist();
        assertThat(oldQuarantine).doesNotExist();
        // within the margin before the start (a coarse clock could date this run's files there), and this run's own
        assertThat(justBefore).exists();
        assertThat(current).exists();
        assertThat(committed).exists();
        assertThat(foreign).exists();
    }

    @Test
    void onlyTheNewestCheckpointsStayThisRunsAmongThem() throws Exception {
        checkpoint(job('a'), 7, NOW - 50_000);
        checkpoint(job('b'), 3, NOW - 40_000);
        checkpoint(job('d'), 12, NOW - 10_000);
        checkpoint(job('e'), 2, NOW - 20_000);
        Path mine = checkpoint(job('c'), 1, NOW + 300);
        Path notAJob = Files.createDirectories(tmp.resolve("checkpoints").resolve("savepoints"));

        ActualsHousekeeping.Removed removed = new ActualsHousekeeping(tmp.resolve("actuals"), tmp.resolve("checkpoints"), NOW, 3, ActualsHousekeeping.Schedule.NEVER)
                .afterFirstCheckpoint(job('c'));

        assertThat(removed).isEqualTo(new ActualsHousekeeping.Removed(0, 2));
        assertThat(mine).exists();
        assertThat(tmp.resolve("checkpoints").resolve(job('d'))).exists();
        assertThat(tmp.resolve("checkpoints").resolve(job('e'))).exists();
        assertThat(tmp.resolve("checkpoints").resolve(job('a'))).doesNotExist();
        assertThat(tmp.resolve("checkpoints").resolve(job('b'))).doesNotExist();
        assertThat(notAJob).exists();
        assertThat(count(tmp.resolve("checkpoints"))).isEqualTo(4);
        // keeping one leaves this run's alone, even though its clock says it completed "before" others
        Path older = checkpoint(job('f'), 9, NOW + 99_000);
        new ActualsHousekeeping(tmp.resolve("actuals"), tmp.resolve("checkpoints"), NOW, 1, ActualsHousekeeping.Schedule.NEVER).afterFirstCheckpoint(job('c'));
        assertThat(mine).exists();
        assertThat(older.getParent()).doesNotExist();
        assertThat(count(tmp.resolve("checkpoints"))).isEqualTo(2);
    }

    @Test
    void keepingNoCheckpointIsRefused() {
        assertThatThrownBy(() -> new ActualsHousekeeping(tmp, tmp, NOW, 0, ActualsHousekeeping.Schedule.NEVER))
                .hasMessage("at least one checkpoint must be kept (the one the next start resumes from), got 0");
    }
}
