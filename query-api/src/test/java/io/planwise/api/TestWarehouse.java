package io.planwise.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real warehouse made once per test JVM by the product itself: the planwise job jar generates a
 * census and projects it, exactly as a user would.
 *
 * <ul>
 *   <li>{@code base}: published twice; run A (seed 42, growth 3%) was replaced by run B (seed 7,
 *       growth 5%), and both manifests are kept so tests can publish either again;
 *   <li>{@code alt}: seed 99, growth 1%, the second scenario of tenant alpha, over the same census with
 *       {@link #MESSY_ROWS} appended: rejected and warned rows whose ids and values look like spreadsheet
 *       formulas and HTML, so {@code dq_census_issues} has rows of several reasons;
 *   <li>{@code tenant_b}: another tenant's scenario (seed 42, growth 3%);
 *   <li>{@code ensemble}: 12 trials (2 with events and snapshots), seed 42, growth 3%, read by admin-key.
 * </ul>
 * Keys: {@code alpha-key} reads base and alt, {@code beta-key} reads tenant_b, {@code admin-key} all.
 */
final class TestWarehouse {

    static final String ALPHA_KEY = "alpha-key-0123456789";
    static final String BETA_KEY = "beta-key-0123456789";
    static final String ADMIN_KEY = "admin-key-0123456789";
    static final int FIRST_YEAR = 2025;
    static final int LAST_YEAR = 2027;

    /**
     * Census rows appended to alt's census, by column name (the others empty): what each one is
     * rejected or warned for is the census rule's business; these are written to hit several reasons.
     */
    static final List<Map<String, String>> MESSY_ROWS = List.of(
            Map.of("employee_id", "MESSY_1", "employee_birth_date", "not-a-date", "employee_hire_date", "2015-01-01",
                    "employee_gross_compensation", "60000"),
            Map.of("employee_birth_date", "1980-01-01", "employee_hire_date", "2015-01-01",
                    "employee_gross_compensation", "60000"),
            Map.of("employee_id", "=1+2", "employee_birth_date", "1980-01-01", "employee_hire_date", "2015-01-01",
                    "employee_gross_compensation", "abc"),
            Map.of("employee_id", "MESSY_4", "employee_birth_date", "1980-01-01", "employee_hire_date", "2015-01-01",
                    "employee_gross_compensation", "<img src=x onerror=alert(1)>"),
            Map.of("employee_id", "MESSY_5", "employee_birth_date", "2010-01-01", "employee_hire_date", "2018-06-01",
                    "employee_gross_compensation", "50000"),
            Map.of("employee_id", "+MESSY_6", "employee_birth_date", "1960-01-01", "employee_hire_date", "2010-01-01",
                    "employee_gross_compensation", "15000000"));

    /** Part of the reuse stamp: a warehouse made by an older recipe is rebuilt. */
    private static final String RECIPE = "2: alt over a census with rejects and warnings";

    /** Reads a saved manifest the way the warehouse module writes it (ISO instants, snake_case fields). */
    private static final ObjectMapper MANIFEST = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static TestWarehouse shared;

    final Path root;
    final Path keys;
    /** base's first run (seed 42), no longer current. */
    final RunManifest baseRunA;
    /** base's current run (seed 7). */
    final RunManifest baseRunB;

    private TestWarehouse(Path root, Path keys, RunManifest a, RunManifest b) {
        this.root = root;
        this.keys = keys;
        this.baseRunA = a;
        this.baseRunB = b;
    }

    /** The shared warehouse; built on first use (about 30 s). Tests must not change its manifests. */
    static synchronized TestWarehouse shared() {
        if (shared == null) {
            shared = build(Path.of("target", "test-warehouse").toAbsolutePath());
        }
        return shared;
    }

    private static Path demo;

    /**
     * The warehouse {@code planwise demo} leaves, made by the job jar exactly as a user's first command
     * (in its own working directory, where the demo writes its census); once per test JVM.
     */
    static synchronized Path demo() {
        if (demo == null) {
            Path dir = Path.of("target", "demo-warehouse").toAbsolutePath();
            try {
                deleteTree(dir);
                Files.createDirectories(dir);
                Files.copy(jobJar(), dir.resolve("planwise.jar"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            planwise(dir, "demo", "--warehouse", dir.resolve("warehouse").toString());
            demo = dir.resolve("warehouse");
        }
        return demo;
    }

    /** A private copy of the shared warehouse that a test may publish into. */
    static TestWarehouse copy(Path into) {
        TestWarehouse source = shared();
        copyTree(source.root, into);
        return new TestWarehouse(into, source.keys, source.baseRunA, source.baseRunB);
    }

    ManifestStore manifests() {
        return new ManifestStore(new WarehouseLayout(root));
    }

    private static TestWarehouse build(Path dir) {
        Path wh = dir.resolve("wh");
        Path census = dir.resolve("census.csv");
        Path keys = dir.resolve("query-api-keys.yaml");
        Path runA = dir.resolve("base-run-a.json");
        Path stamp = dir.resolve("built-with.txt");
        String jar = jarStamp();
        try {
            // A warehouse made by the same job jar is reused across builds; `mvn clean` starts afresh.
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(jar) && Files.isRegularFile(runA)) {
                ManifestStore store = new ManifestStore(new WarehouseLayout(wh));
                return new TestWarehouse(wh, keys, MANIFEST.readValue(runA.toFile(), RunManifest.class),
                        store.current("base").orElseThrow());
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            // A private copy: other builds may replace the job jar while these runs use it.
            Files.copy(jobJar(), dir.resolve("planwise.jar"));
            planwise(dir, "generate-census", "--employees", "800", "--seed", "11", "--out", census.toString());
            project(dir, census, wh, "base", 42, "0.03");
            RunManifest a = new ManifestStore(new WarehouseLayout(wh)).current("base").orElseThrow();
            Files.copy(new WarehouseLayout(wh).manifestPath("base"), runA);
            project(dir, census, wh, "base", 7, "0.05");
            RunManifest b = new ManifestStore(new WarehouseLayout(wh)).current("base").orElseThrow();
            Path messy = dir.resolve("census-messy.csv");
            writeMessyCensus(census, messy);
            project(dir, messy, wh, "alt", 99, "0.01");
            project(dir, census, wh, "tenant_b", 42, "0.03");
            project(dir, census, wh, "ensemble", 42, "0.03", "--trials", "12", "--detail-trials", "2");
            Files.writeString(keys, String.join("\n",
                    "keys:",
                    "  - name: alpha",
                    "    sha256: " + ApiKeys.sha256Hex(ALPHA_KEY),
                    "    scenarios: [base, alt]",
                    "  - name: beta",
                    "    sha256: " + ApiKeys.sha256Hex(BETA_KEY),
                    "    scenarios: [tenant_b]",
                    "  - name: admin",
                    "    sha256: " + ApiKeys.sha256Hex(ADMIN_KEY),
                    "    scenarios: ['*']",
                    ""));
            Files.writeString(stamp, jar);
            return new TestWarehouse(wh, keys, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The census with {@link #MESSY_ROWS} appended, each laid out by the census's own header. */
    private static void writeMessyCensus(Path census, Path messy) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(census));
        String[] header = lines.get(0).split(",", -1);
        for (Map<String, String> row : MESSY_ROWS) {
            List<String> fields = new ArrayList<>();
            for (String column : header) {
                fields.add(row.getOrDefault(column.trim(), ""));
            }
            lines.add(String.join(",", fields));
        }
        Files.write(messy, lines);
    }

    private static String jarStamp() {
        Path jar = jobJar();
        try {
            return RECIPE + " " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -o install -Dmaven.test.skip=true).");
        }
    }

    private static Path jobJar() {
        Path repo = Path.of(System.getProperty("planwise.root", "..")).toAbsolutePath().normalize();
        return repo.resolve("jobs/projection/target/planwise.jar");
    }

    /** Runs differ in seed and growth target, so every figure (even the plan's counts) tells them apart. */
    private static void project(Path dir, Path census, Path wh, String scenario, int seed, String growth,
            String... more) throws IOException {
        Path config = dir.resolve("simulation_config_" + scenario + "_" + seed + ".yaml");
        Files.writeString(config, "simulation:\n  target_growth_rate: " + growth + "\n");
        List<String> args = new ArrayList<>(List.of("project", "--census", census.toString(), "--config",
                config.toString(), "--warehouse", wh.toString(), "--scenario", scenario, "--seed", String.valueOf(seed),
                "--end-year", String.valueOf(LAST_YEAR), "--parallelism", "2"));
        args.addAll(List.of(more));
        planwise(dir, args.toArray(String[]::new));
    }

    /**
     * Runs the planwise job jar with the launcher's JVM options. The jar, not the ./planwise script:
     * the script rebuilds when sources look newer, which a test must never trigger.
     */
    private static void planwise(Path dir, String... args) {
        Path jar = dir.resolve("planwise.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir));
        // Flink's Java 17 flags, from the repository's one copy (a java @argfile).
        command.add("@" + Path.of(System.getProperty("planwise.root", "..")).toAbsolutePath().normalize()
                .resolve("jobs/flink-jvm.args"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        try {
            Path log = dir.resolve("planwise.log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("planwise " + args[0] + " did not finish in 180 s; see " + log);
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("planwise " + String.join(" ", args) + " failed:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
