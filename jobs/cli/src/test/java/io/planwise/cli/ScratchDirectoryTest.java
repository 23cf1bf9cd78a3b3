package io.planwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {
    @TempDir
    Path base;

    @Test
    void onlyDirectoriesOfEndedPlanwiseProcessesAreDebris() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path dead = Files.createDirectories(base.resolve(ScratchDirectory.PREFIX + ended.pid()).resolve("blobStore-1"));
        Files.writeString(dead.resolve("blob"), "x");
        Path alive = Files.createDirectories(base.resolve(ScratchDirectory.PREFIX + ProcessHandle.current().pid()));
        Path notOurs = Files.createDirectories(base.resolve(ScratchDirectory.PREFIX + "docs"));
        Path other = Files.createDirectories(base.resolve("someone-elses-dir"));

        assertThat(ScratchDirectory.removeDebris(base)).containsExactly(dead.getParent());

        assertThat(dead.getParent()).doesNotExist();
        assertThat(alive).isDirectory();
        assertThat(notOurs).isDirectory();
        assertThat(other).isDirectory();
    }

    @Test
    void aClaimedDirectoryIsTheTempDirectoryUntilItIsDeleted() throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", base.toString());
        try {
            Path own;
            try (ScratchDirectory scratch = ScratchDirectory.claim()) {
                own = scratch.directory();
                assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(own.toString());
                Files.writeString(Files.createDirectories(own.resolve("minicluster_x")).resolve("f"), "x");
            }
            assertThat(own).doesNotExist();
            assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(base.toString());
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }
}
