package io.planwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./planwise} launcher's JIT choice (README, "Benchmarks"), asked with
 * {@code PLANWISE_DRY_RUN=1}, which prints the JVM flags and starts nothing: C1 alone unless a
 * projection's census file is at least 32 MB of CSV or 8 MB of Parquet; PLANWISE_JAVA_OPTS replaces
 * the choice.
 */
class LauncherJitTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("planwise.root", "../..")).resolve("planwise");
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void smallWorkRunsOnC1Alone() throws Exception {
        Path census = sized("census.csv", 4 * MB);
        assertThat(flags(Map.of(), "project", "--census", census.toString())).contains(C1_ONLY).contains("-XX:+UseParallelGC");
        assertThat(flags(Map.of(), "query", "SELECT 1")).contains(C1_ONLY);
        // a big file that is not the census of a projection does not count
        Path big = sized("other.csv", 40 * MB);
        assertThat(flags(Map.of(), "project", "--config", big.toString())).contains(C1_ONLY);
        assertThat(flags(Map.of(), "project", "--census", dir.resolve("missing.csv").toString())).contains(C1_ONLY);
    }

    @Test
    void aBigCensusRunsTiered() throws Exception {
        Path csv = sized("census.csv", 32 * MB);
        assertThat(flags(Map.of(), "project", "--engine", "flink", "--census", csv.toString(), "--end-year", "2034"))
                .doesNotContain("TieredStopAtLevel").contains("-XX:+UseParallelGC");
        Path parquet = sized("census.parquet", 8 * MB);
        assertThat(flags(Map.of(), "project", "--census", parquet.toString())).doesNotContain("TieredStopAtLevel");
        Path smallParquet = sized("small.parquet", 8 * MB - 1);
        assertThat(flags(Map.of(), "project", "--census", smallParquet.toString())).contains(C1_ONLY);
    }

    @Test
    void theEnvironmentReplacesTheChoice() throws Exception {
        Path csv = sized("census.csv", 40 * MB);
        assertThat(flags(Map.of("PLANWISE_JAVA_OPTS", "-Xmx1g"), "project", "--census", csv.toString())).isEqualTo("-Xmx1g");
    }

    /** A sparse file of that many bytes: only its size matters to the launcher. */
    private Path sized(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    private static String flags(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PLANWISE_JAVA_OPTS");
        builder.environment().put("PLANWISE_DRY_RUN", "1");
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher's dry run finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
