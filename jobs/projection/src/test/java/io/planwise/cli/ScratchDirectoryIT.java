package io.planwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.census.SyntheticCensus;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planwise project} in real child JVMs, as {@code ./planwise} starts it: a finished run leaves
 * nothing in its temp directory (the embedded Flink cluster's RPC jar and blob store included), and
 * the debris of a run killed with SIGKILL is removed by the next run.
 */
class ScratchDirectoryIT {
    @TempDir
    static Path tmp;

    private static Path census;

    @BeforeAll
    static void census() throws Exception {
        census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(11, LocalDate.of(2024, 12, 31)).writeCsv(300, w);
        }
    }

    private static ProcessBuilder planwise(Path tempDir, Path log, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-Djava.io.tmpdir")).toList());
        cmd.add("-Djava.io.tmpdir=" + tempDir);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PlanwiseCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    private static String[] project(String scenario, int endYear) {
        return new String[] {"project", "--census", census.toString(), "--warehouse", tmp.resolve("wh").toString(),
            "--scenario", scenario, "--end-year", Integer.toString(endYear), "--parallelism", "1"};
    }

    private static void runToTheEnd(Path tempDir, String scenario) throws Exception {
        Path log = tmp.resolve(scenario + ".log");
        Process p = planwise(tempDir, log, project(scenario, 2025)).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the run ended").isTrue();
        assertThat(p.exitValue()).as("exit status; output:%n%s", Files.readString(log)).isZero();
    }

    private static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void finishedRunsLeaveNothingInTheTempDirectory() throws Exception {
        Path tempDir = Files.createDirectories(tmp.resolve("tmp-finished"));
        runToTheEnd(tempDir, "first");
        assertThat(entries(tempDir)).as("left in the temp directory by one run").isEmpty();
        runToTheEnd(tempDir, "second");
        assertThat(entries(tempDir)).as("left in the temp directory by two runs").isEmpty();
    }

    @Test
    void aKilledRunsDebrisIsRemovedByTheNextRun() throws Exception {
        Path tempDir = Files.createDirectories(tmp.resolve("tmp-killed"));
        Process killed = planwise(tempDir, tmp.resolve("killed.log"), project("killed", 2034)).start();
        Path debris = tempDir.resolve(ScratchDirectory.PREFIX + killed.pid());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // Wait until the embedded cluster has put files there (its RPC jar comes first).
        while (!(Files.isDirectory(debris) && !entries(debris).isEmpty()) && killed.isAlive()) {
            assertThat(System.nanoTime()).as("the run started writing its temp files").isLessThan(deadline);
            Thread.sleep(50);
        }
        killed.destroyForcibly();
        assertThat(killed.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(entries(debris)).as("a SIGKILLed run cannot clean up").isNotEmpty();

        runToTheEnd(tempDir, "after_kill");
        assertThat(entries(tempDir)).as("left after the killed run and the next one").isEmpty();
    }
}
