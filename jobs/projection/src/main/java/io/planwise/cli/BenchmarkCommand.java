package io.planwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code planwise benchmark}: end-to-end figures, JVM start to published manifest. Each size runs
 * {@code planwise project} in a fresh child JVM, started by the repository's {@code planwise} launcher
 * as a user's run would be (so with the JIT the launcher picks for that census and its class-data
 * archive, written by an untimed warm-up run first), on a synthetic census
 * (generated once and kept in .planwise/bench); wall time is measured around the child, peak RSS is the kernel's high-water
 * mark of the child (VmHWM), sampled until it exits. When the SQL engine is on the class path (it is
 * under ./planwise) the same census is also projected by it, and the Flink/SQL wall-time ratio is
 * printed (below 1 means Flink is faster).
 *
 * <p>Ensembles ({@code --ensembles TRIALSxEMPLOYEESxYEARS}) are measured the same way, in
 * trial-employee-years per second. {@code --cluster TRIALSxEMPLOYEESxYEARS} then runs that ensemble
 * on a standalone cluster on this machine ({@code jobs/projection/scripts/standalone-cluster.sh}),
 * once with one task manager of one slot and once with two, and prints the speed-up of the job's
 * own duration (REST {@code /jobs/<id>}; the second of two submissions, after a warm-up job, with
 * the first one's printed too), which leaves out the cluster's start, and each run's
 * stages (job vertices) with their start and duration, so that what does not shrink can be seen.
 */
public final class BenchmarkCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("sizes", "EMPLOYEESxYEARS,…", "60040x5,1000000x10", "census sizes and years to project"),
            Option.of("ensembles", "TRIALSxEMPLOYEESxYEARS,…", "100x60040x5", "ensembles to project ('none' to skip)"),
            Option.of("cluster", "TRIALSxEMPLOYEESxYEARS", "none", "also time this ensemble on a standalone cluster"
                    + " with 1 and with 2 task managers of one slot (needs the repository's Maven build)"),
            Option.of("parallelism", "N", "2", "parallel tasks / threads of each run"),
            Option.of("dir", "DIR", ".planwise/bench", "where censuses are generated (once) and runs are written"));
    static final Usage USAGE = new Usage("benchmark", "end-to-end figures per size for both engines (fresh JVM per run)", 60, OPTIONS);

    public BenchmarkCommand() {
        super(USAGE);
    }

    @Override
    public void run(Options cl, PrintStream out) throws Exception {
        Path dir = Path.of(cl.get("dir", ".planwise/bench"));
        String parallelism = cl.get("parallelism", "2");
        List<long[]> sizes = dimensions(cl.get("sizes", "60040x5,1000000x10"), 2, "--sizes", "60040x5,1000000x10");
        List<long[]> ensembles = dimensions(cl.get("ensembles", "100x60040x5"), 3, "--ensembles", "100x60040x5");
        List<long[]> cluster = dimensions(cl.get("cluster", "none"), 3, "--cluster", "100x60040x5");
        boolean withSql = ProjectionEngines.fromClasspath().has("sql");
        if (!sizes.isEmpty() || !ensembles.isEmpty()) {
            // Untimed: the first projection after a build writes the launcher's class-data archive (once,
            // several seconds), which every later run maps; no measured run should pay for it.
            run(projectCommand("flink"), census(dir, 1_000), 1, parallelism, dir.resolve("warehouse-warmup"), List.of());
        }
        if (!sizes.isEmpty()) {
            out.printf("%-12s %5s %11s %12s %18s %14s %12s %16s %10s%n", "employees", "years", "parallelism", "wall (s)",
                    "employee-years/s", "peak RSS (MB)", "SQL wall (s)", "SQL peak RSS (MB)", "Flink/SQL");
        }
        for (long[] size : sizes) {
            Path census = census(dir, size[0]);
            long[] result = run(projectCommand("flink"), census, size[1], parallelism, dir.resolve("warehouse"), List.of());
            double seconds = result[0] / 1e9;
            String sql = "%12s %16s %10s".formatted("-", "-", "-");
            if (withSql) {
                long[] s = run(projectCommand("sql"), census, size[1], parallelism, dir.resolve("warehouse-sql"), List.of());
                sql = "%12.1f %,16d %10.2f".formatted(s[0] / 1e9, s[1] / 1024, (double) result[0] / s[0]);
            }
            out.printf("%,-12d %5d %11s %12.1f %,18.0f %,14d %s%n", size[0], size[1], parallelism, seconds,
                    size[0] * size[1] / seconds, result[1] / 1024, sql);
        }
        if (!ensembles.isEmpty()) {
            out.printf("%n%-7s %-10s %5s %11s %9s %24s %14s %12s %16s %10s%n", "trials", "employees", "years",
                    "parallelism", "wall (s)", "trial-employee-years/s", "peak RSS (MB)", "SQL wall (s)",
                    "SQL peak RSS (MB)", "Flink/SQL");
        }
        for (long[] e : ensembles) {
            Path census = census(dir, e[1]);
            List<String> trials = List.of("--trials", Long.toString(e[0]));
            long[] result = run(projectCommand("flink"), census, e[2], parallelism, dir.resolve("warehouse"), trials);
            double seconds = result[0] / 1e9;
            String sql = "%12s %16s %10s".formatted("-", "-", "-");
            if (withSql) {
                long[] s = run(projectCommand("sql"), census, e[2], parallelism, dir.resolve("warehouse-sql"), trials);
                sql = "%12.1f %,16d %10.2f".formatted(s[0] / 1e9, s[1] / 1024, (double) result[0] / s[0]);
            }
            out.printf("%,-7d %,-10d %5d %11s %9.1f %,24.0f %,14d %s%n", e[0], e[1], e[2], parallelism, seconds,
                    e[0] * e[1] * e[2] / seconds, result[1] / 1024, sql);
        }
        for (long[] e : cluster) {
            StandaloneScaling scaling = new StandaloneScaling(dir.resolve("cluster"));
            Path census = census(dir, e[1]);
            StandaloneScaling.ClusterRun one = scaling.run(1, census, e[1], e[0], e[2]);
            StandaloneScaling.ClusterRun two = scaling.run(2, census, e[1], e[0], e[2]);
            out.printf("%nstandalone cluster, %,d trials × %,d employees × %d years (task managers of %,d MB): 1 task manager"
                    + " × 1 slot %.1f s, 2 task managers × 1 slot %.1f s, speed-up %.2f×%n", e[0], e[1], e[2],
                    StandaloneScaling.taskManagerMegabytes(e[1], e[2]), one.seconds(), two.seconds(),
                    one.seconds() / two.seconds());
            out.printf("  (the first job on each fresh cluster, untimed warm-up: %.1f s and %.1f s, speed-up %.2f×)%n",
                    one.firstJobSeconds(), two.firstJobSeconds(), one.firstJobSeconds() / two.firstJobSeconds());
            for (StandaloneScaling.ClusterRun run : List.of(one, two)) {
                out.printf("  stages with %d task manager%s (start after the job's start, duration):%n",
                        run == one ? 1 : 2, run == one ? "" : "s");
                run.stages().forEach(out::println);
            }
        }
    }

    private static List<long[]> dimensions(String text, int parts, String option, String example) {
        List<long[]> all = new ArrayList<>();
        if (text.equalsIgnoreCase("none")) {
            return all;
        }
        for (String s : text.split(",")) {
            String[] p = s.trim().toLowerCase().split("x");
            if (p.length != parts) {
                throw new UsageException(option + " takes " + (parts == 2 ? "EMPLOYEESxYEARS" : "TRIALSxEMPLOYEESxYEARS")
                        + "[,…] or none, e.g. " + example);
            }
            long[] d = new long[parts];
            for (int i = 0; i < parts; i++) {
                try {
                    d[i] = Long.parseLong(p[i].replace("_", ""));
                } catch (NumberFormatException ex) {
                    throw new UsageException(option + ": " + s + " is not " + example + "-shaped");
                }
            }
            all.add(d);
        }
        return all;
    }

    /** The synthetic census of that size, generated once and kept. */
    static Path census(Path dir, long employees) throws Exception {
        Path census = dir.resolve("census_" + employees + ".csv");
        if (!Files.exists(census)) {
            GenerateCensusCommand generate = new GenerateCensusCommand();
            generate.run(Options.of(generate.usage(), "employees", Long.toString(employees),
                    "seed", "1", "out", census.toString()), new PrintStream(PrintStream.nullOutputStream()));
        }
        return census;
    }

    /**
     * {@code planwise project --engine <engine>} through the repository's launcher, so that each run
     * starts with the flags a user's run of that size gets (its JIT choice included).
     */
    private static List<String> projectCommand(String engine) throws URISyntaxException {
        Path launcher = StandaloneScaling.moduleDirectory().getParent().getParent().resolve("planwise");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("the benchmark runs projections through the repository's launcher, " + launcher
                    + ", which is not there");
        }
        return List.of(launcher.toString(), "project", "--engine", engine);
    }

    /** Runs one engine's projection in a child JVM; returns {wall nanos, peak RSS kB}. */
    private static long[] run(List<String> engine, Path census, long years, String parallelism, Path warehouse,
            List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(engine);
        cmd.addAll(extra);
        cmd.addAll(List.of("--census", census.toString(), "--warehouse", warehouse.toString(),
                "--parallelism", parallelism, "--scenario", "bench", "--start-year", "2025",
                "--end-year", Long.toString(2025 + years - 1)));
        Files.createDirectories(warehouse);
        long start = System.nanoTime();
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(warehouse.resolveSibling("benchmark.log").toFile()))
                .start();
        long peak = 0;
        while (child.isAlive()) {
            peak = Math.max(peak, highWaterMark(child.pid()));
            Thread.sleep(50);
        }
        long wall = System.nanoTime() - start;
        if (child.exitValue() != 0) {
            throw new IllegalStateException("the projection of " + census + " failed; see "
                    + warehouse.resolveSibling("benchmark.log"));
        }
        return new long[] {wall, peak};
    }

    private static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child exited between isAlive() and the read; keep the last sample
        }
        return 0;
    }
}
