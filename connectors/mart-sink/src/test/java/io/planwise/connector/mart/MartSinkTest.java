package io.planwise.connector.mart;

import static io.planwise.connector.mart.TestMarts.ALPHA;
import static io.planwise.connector.mart.TestMarts.ALPHA_NAME;
import static io.planwise.connector.mart.TestMarts.BETA;
import static io.planwise.connector.mart.TestMarts.BETA_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.testing.FlinkMiniCluster;
import io.planwise.testing.MartReader;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.MartFile;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import io.planwise.warehouse.contract.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MartSink} in bounded BATCH jobs: two sinks of one {@link MartSinkGroup} write two marts
 * into the run's directory, and the in-job publish step publishes the run (exactly the committed
 * files, their row counts, the contract's types) or, when the decision refuses it or the job fails
 * after commit, leaves the previous run current and says why in {@code _run.json}.
 */
@Timeout(300)
class MartSinkTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private static final String SCENARIO = "mart_sink_test";
    private static final long JOB_SECONDS = 120;

    @TempDir
    Path tmp;

    @Test
    void aBatchRunPublishesExactlyItsCommittedFilesWithTheContractsTypes() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        List<TestRow> input = TestMarts.rows(0, 120);
        String runId = RunIds.next(Clock.systemUTC());

        TestMarts.awaitSuccess(submit(layout, runId, input, Decision.PUBLISH), JOB_SECONDS);

        RunManifest manifest = new ManifestStore(layout).current(SCENARIO).orElseThrow();
        assertThat(manifest.runId()).isEqualTo(runId);
        assertThat(manifest.runDir()).isEqualTo("runs/" + SCENARIO + "/" + runId);
        assertThat(manifest.marts()).containsOnlyKeys(ALPHA_NAME, BETA_NAME);

        // The manifest lists exactly the run's committed part files: nothing hidden, nothing elsewhere.
        Path runDir = layout.runDir(SCENARIO, runId);
        assertThat(hiddenFiles(layout.root())).as("in-progress or temp files left in the warehouse").isEmpty();
        Set<String> listed = manifest.marts().values().stream().flatMap(m -> m.files().stream())
                .map(MartFile::path).collect(Collectors.toCollection(TreeSet::new));
        Set<String> partFiles = regularFiles(runDir).stream().filter(p -> !p.getFileName().toString().equals("_run.json"))
                .map(layout::relativize).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(partFiles);
        assertThat(regularFiles(layout.root())).map(layout::relativize)
                .containsExactlyInAnyOrderElementsOf(union(partFiles, Set.of(
                        "runs/" + SCENARIO + "/" + runId + "/_run.json", "current/" + SCENARIO + ".json")));

        for (String mart : List.of(ALPHA_NAME, BETA_NAME)) {
            MartEntry entry = manifest.marts().get(mart);
            long rowsOfMart = TestMarts.of(input, mart).size();
            assertThat(entry.rowCount()).as("rows of " + mart).isEqualTo(rowsOfMart);
            Set<Integer> years = TestMarts.of(input, mart).stream().map(TestRow::year).collect(Collectors.toSet());
            assertThat(entry.files().stream().map(MartFile::simulationYear).collect(Collectors.toSet())).isEqualTo(years);
            for (MartFile file : entry.files()) {
                // The partition column is in the directory name, and the file's year is that directory's.
                assertThat(file.path()).matches("runs/" + SCENARIO + "/" + runId + "/" + mart
                        + "/simulation_year=" + file.simulationYear() + "/part-[^/]+\\.parquet");
            }
        }
        assertThat(manifest.marts().get(ALPHA_NAME).columns()).containsExactly(
                new MartColumn("simulation_year", "INTEGER"), new MartColumn("id", "BIGINT"),
                new MartColumn("label", "VARCHAR"), new MartColumn("amount", "DECIMAL(18,2)"),
                new MartColumn("as_of", "DATE"));
        assertThat(manifest.marts().get(BETA_NAME).columns()).containsExactly(
                new MartColumn("simulation_year", "INTEGER"), new MartColumn("id", "BIGINT"),
                new MartColumn("flag", "BOOLEAN"), new MartColumn("ratio", "DOUBLE"),
                new MartColumn("quantity", "INTEGER"), new MartColumn("note", "VARCHAR"));

        try (MartReader duck = new MartReader()) {
            for (Mart mart : List.of(ALPHA, BETA)) {
                MartEntry entry = manifest.marts().get(mart.name());
                duck.execute("create view " + mart.name() + " as " + MartQuery.select(mart, entry, layout));
                assertThat(duck.describe(mart.name())).isEqualTo(MartReader.contractColumns(mart));
                // Read without hive partitioning, the files hold the file columns only: no simulation_year.
                List<Path> files = manifest.filesOf(mart.name(), layout);
                assertThat(duck.describe("select * from " + MartQuery.readParquet(files, null)))
                        .isEqualTo(mart.columns().stream().map(c -> c.name() + " " + c.type().sqlName()).toList());
                // Required columns are REQUIRED in the Parquet schema, nullable ones OPTIONAL.
                for (Path file : files) {
                    assertThat(duck.rows("select name, repetition_type from parquet_schema("
                            + MartReader.quote(file.toString()) + ") where type is not null"))
                            .isEqualTo(mart.columns().stream()
                                    .map(c -> List.<Object>of(c.name(), c.nullable() ? "OPTIONAL" : "REQUIRED")).toList());
                    // Each file's row count in the manifest is the number of rows DuckDB reads from it.
                    MartFile listedFile = entry.files().stream().filter(f -> layout.resolve(f.path()).equals(file))
                            .findFirst().orElseThrow();
                    assertThat(duck.count("select count(*) from " + MartQuery.readParquet(List.of(file), null)))
                            .isEqualTo(listedFile.rowCount());
                }
            }
            assertThat(TestMarts.normalise(duck.rows(
                    "select id, label, amount, as_of, simulation_year from alpha order by id")))
                    .isEqualTo(TestMarts.expectedAlpha(input, true));
            assertThat(TestMarts.normalise(duck.rows(
                    "select id, flag, ratio, quantity, note, simulation_year from beta order by id")))
                    .isEqualTo(TestMarts.expectedBeta(input, true));
            // The typed values, not just equal-looking ones: DECIMAL(18,2) and DATE, NULL where null.
            assertThat(duck.scalar("select amount from alpha where id = 1")).isEqualTo(new java.math.BigDecimal("9999999999999999.99"));
            assertThat(duck.scalar("select typeof(amount) || ' ' || typeof(as_of) from alpha limit 1"))
                    .isEqualTo("DECIMAL(18,2) DATE");
            assertThat(duck.count("select count(*) from alpha where as_of is null"))
                    .isEqualTo(TestMarts.of(input, ALPHA_NAME).stream().filter(r -> r.asOf() == null).count())
                    .isPositive();
            assertThat(duck.count("select count(*) from beta where quantity is null and note is null"))
                    .isEqualTo(TestMarts.of(input, BETA_NAME).stream()
                            .filter(r -> r.quantity() == null && r.label() == null).count())
                    .isPositive();
        }

        RunRecord record = RunRecordFile.read(runDir);
        assertThat(record.status()).isEqualTo(RunRecord.PUBLISHED);
        assertThat(record.reason()).isNull();
        assertThat(record.scenarioId()).isEqualTo(SCENARIO);
        assertThat(record.runId()).isEqualTo(runId);
        assertThat(record.engine()).as("the decision's record, completed").isEqualTo("flink");
        assertThat(record.censusSource()).isEqualTo("test rows " + runId);
        assertThat(record.publishedAt()).isEqualTo(manifest.publishedAt());
        assertThat(record.martRows()).isEqualTo(Map.of(
                ALPHA_NAME, (long) TestMarts.of(input, ALPHA_NAME).size(),
                BETA_NAME, (long) TestMarts.of(input, BETA_NAME).size()));
    }

    @Test
    void aCloseRecordEndsEveryOpenPartFileAndLaterRowsGoToNewOnes() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        List<TestRow> before = TestMarts.rows(0, 60);
        List<TestRow> after = TestMarts.rows(60, 60);
        List<TestRow> input = new java.util.ArrayList<>(before);
        input.add(new TestRow(TestMarts.CLOSE_PART_FILES, 0, -1, null, null, null, false, 0, null));
        input.addAll(after);
        String runId = RunIds.next(Clock.systemUTC());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        MartCatalog<TestRow> catalog = TestMarts.catalog();
        RunRecord record = RunRecord.started("flink", 1, 1, 1, Instant.now(), "test rows " + runId,
                Map.of("scenario_id", SCENARIO), Map.of("rows", "test"), SCENARIO, runId);
        MartSinkGroup<TestRow> group = new MartSinkGroup<>(catalog,
                new RunPublication<>(layout, SCENARIO, runId, catalog, false),
                env.fromData(List.of(new PublishDecision(true, null, record)), TypeInformation.of(PublishDecision.class))
                        .name("decision").setParallelism(1));
        // One task, rows in input order: the close record comes after every row of `before`.
        env.fromData(input, TypeInformation.of(TestRow.class)).name("rows").setParallelism(1)
                .sinkTo(group.sink()).name("write marts").setParallelism(1);
        TestMarts.awaitSuccess(env.executeAsync("mart sink close test " + runId), JOB_SECONDS);

        RunManifest manifest = new ManifestStore(layout).current(SCENARIO).orElseThrow();
        assertThat(manifest.runId()).isEqualTo(runId);
        assertThat(hiddenFiles(layout.root())).as("in-progress or temp files left in the warehouse").isEmpty();
        try (MartReader duck = new MartReader()) {
            for (String mart : List.of(ALPHA_NAME, BETA_NAME)) {
                // Per partition: one file of rows before the close record, one of rows after it.
                Map<Integer, List<MartFile>> byYear = manifest.marts().get(mart).files().stream()
                        .collect(Collectors.groupingBy(MartFile::simulationYear));
                assertThat(byYear.keySet()).isEqualTo(TestMarts.of(input, mart).stream().map(TestRow::year)
                        .collect(Collectors.toSet()));
                for (Map.Entry<Integer, List<MartFile>> year : byYear.entrySet()) {
                    Set<Long> idsBefore = TestMarts.of(before, mart).stream().filter(r -> r.year() == year.getKey())
                            .map(TestRow::id).collect(Collectors.toCollection(TreeSet::new));
                    Set<Long> idsAfter = TestMarts.of(after, mart).stream().filter(r -> r.year() == year.getKey())
                            .map(TestRow::id).collect(Collectors.toCollection(TreeSet::new));
                    Set<Set<Long>> idsPerFile = new java.util.HashSet<>();
                    for (MartFile file : year.getValue()) {
                        idsPerFile.add(duck.rows("select id from " + MartQuery.readParquet(
                                List.of(layout.resolve(file.path())), null)).stream()
                                .map(row -> ((Number) row.get(0)).longValue())
                                .collect(Collectors.toCollection(TreeSet::new)));
                    }
                    assertThat(idsPerFile).as(mart + " " + year.getKey()).isEqualTo(Set.of(idsBefore, idsAfter));
                }
                assertThat(manifest.marts().get(mart).rowCount()).isEqualTo(
                        TestMarts.of(before, mart).size() + TestMarts.of(after, mart).size());
            }
            duck.execute("create view alpha as " + MartQuery.select(ALPHA, manifest.marts().get(ALPHA_NAME), layout));
            List<TestRow> rows = new java.util.ArrayList<>(before);
            rows.addAll(after);
            assertThat(TestMarts.normalise(duck.rows("select id, label, amount, as_of, simulation_year from alpha order by id")))
                    .isEqualTo(TestMarts.expectedAlpha(rows, true));
        }
    }

    @Test
    void aRefusedRunLeavesThePreviousRunCurrentAndSaysWhy() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        ManifestStore store = new ManifestStore(layout);
        String goodRun = RunIds.next(Clock.systemUTC());
        TestMarts.awaitSuccess(submit(layout, goodRun, TestMarts.rows(0, 40), Decision.PUBLISH), JOB_SECONDS);
        RunManifest previous = store.current(SCENARIO).orElseThrow();

        String refusedRun = RunIds.next(Clock.systemUTC());
        String reason = "2026 headcount_balances: 41 != 40";
        Throwable failure = TestMarts.await(submit(layout, refusedRun, TestMarts.rows(100, 60), Decision.refuse(reason)),
                JOB_SECONDS);

        assertThat(failure).as("a refused run fails its job").isNotNull()
                .hasStackTraceContaining("run " + refusedRun + " of scenario " + SCENARIO + " was not published: " + reason);
        assertThat(store.current(SCENARIO)).contains(previous);
        assertFilesExist(previous, layout);
        assertThat(RunRecordFile.read(layout.runDir(SCENARIO, goodRun)).status()).isEqualTo(RunRecord.PUBLISHED);

        RunRecord refused = RunRecordFile.read(layout.runDir(SCENARIO, refusedRun));
        assertThat(refused.status()).isEqualTo(RunRecord.REJECTED);
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.runId()).isEqualTo(refusedRun);
        assertThat(refused.martRows()).isNull();
        assertThat(refused.publishedAt()).isNull();
    }

    @Test
    void aFailureAfterCommitLeavesThePreviousRunCurrent() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        ManifestStore store = new ManifestStore(layout);
        String goodRun = RunIds.next(Clock.systemUTC());
        TestMarts.awaitSuccess(submit(layout, goodRun, TestMarts.rows(0, 40), Decision.PUBLISH), JOB_SECONDS);
        RunManifest previous = store.current(SCENARIO).orElseThrow();

        String failedRun = RunIds.next(Clock.systemUTC());
        List<TestRow> input = TestMarts.rows(200, 90);
        Throwable failure = TestMarts.await(submit(layout, failedRun, input, Decision.PUBLISH, true), JOB_SECONDS);

        assertThat(failure).as("the job fails after commit").isNotNull()
                .hasStackTraceContaining("injected failure after commit");
        // Every file of the failed run was committed: none hidden, all rows in finished part files.
        Path runDir = layout.runDir(SCENARIO, failedRun);
        assertThat(hiddenFiles(runDir)).isEmpty();
        try (MartReader duck = new MartReader()) {
            for (Mart mart : List.of(ALPHA, BETA)) {
                List<Path> files = regularFiles(runDir.resolve(mart.name()));
                assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).matches("part-.+\\.parquet"));
                assertThat(duck.count("select count(*) from " + MartQuery.readParquet(files, mart.partitionColumn())))
                        .isEqualTo(TestMarts.of(input, mart.name()).size());
            }
        }
        assertThat(store.current(SCENARIO)).contains(previous);
        assertFilesExist(previous, layout);

        RunRecord failed = RunRecordFile.read(runDir);
        assertThat(failed.status()).isEqualTo(RunRecord.FAILED);
        assertThat(failed.reason()).contains("injected failure after commit");
        assertThat(failed.martRows()).isNull();
        assertThat(failed.publishedAt()).isNull();
    }

    @Test
    void aNullInARequiredColumnFailsTheRunNamingMartAndColumn() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        ManifestStore store = new ManifestStore(layout);
        String goodRun = RunIds.next(Clock.systemUTC());
        TestMarts.awaitSuccess(submit(layout, goodRun, TestMarts.rows(0, 30), Decision.PUBLISH), JOB_SECONDS);
        RunManifest previous = store.current(SCENARIO).orElseThrow();

        String badRun = RunIds.next(Clock.systemUTC());
        List<TestRow> input = new java.util.ArrayList<>(TestMarts.rows(300, 30));
        input.add(TestRow.alpha(2026, 9_999, null, 100L, null));
        Throwable failure = TestMarts.await(submit(layout, badRun, input, Decision.PUBLISH), JOB_SECONDS);

        assertThat(failure).isNotNull().hasStackTraceContaining("mart alpha: required column label is null");
        assertThat(store.current(SCENARIO)).contains(previous);
        assertThat(layout.runRecordPath(SCENARIO, badRun)).as("the publish step never ran").doesNotExist();
    }


    @Test
    void aMartWithoutRowsIsPublishedEmpty() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        List<TestRow> input = TestMarts.of(TestMarts.rows(0, 60), ALPHA_NAME);
        String runId = RunIds.next(Clock.systemUTC());

        TestMarts.awaitSuccess(submit(layout, runId, input, Decision.PUBLISH), JOB_SECONDS);

        RunManifest manifest = new ManifestStore(layout).current(SCENARIO).orElseThrow();
        assertThat(manifest.runId()).isEqualTo(runId);
        assertThat(manifest.marts().get(ALPHA_NAME).rowCount()).isEqualTo(input.size());
        MartEntry beta = manifest.marts().get(BETA_NAME);
        assertThat(beta.rowCount()).isZero();
        assertThat(beta.files()).isEmpty();
        assertThat(layout.runDir(SCENARIO, runId).resolve(BETA_NAME)).doesNotExist();
        try (MartReader duck = new MartReader()) {
            duck.execute("create view beta as " + MartQuery.select(BETA, beta, layout));
            assertThat(duck.describe("beta")).isEqualTo(MartReader.contractColumns(BETA));
            assertThat(duck.count("select count(*) from beta")).isZero();
        }
        assertThat(RunRecordFile.read(layout.runDir(SCENARIO, runId)).martRows())
                .isEqualTo(Map.of(ALPHA_NAME, (long) input.size(), BETA_NAME, 0L));
    }

    @Test
    void aJobWithoutADecisionOrWithTwoPublishesNothing() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
        String undecided = RunIds.next(Clock.systemUTC());
        Throwable none = TestMarts.await(submit(layout, undecided, TestMarts.rows(0, 30), List.of()), JOB_SECONDS);
        assertThat(none).isNotNull().hasStackTraceContaining("the job ended without a publish decision");

        String twice = RunIds.next(Clock.systemUTC());
        Throwable two = TestMarts.await(submit(layout, twice, TestMarts.rows(0, 30), List.of(Decision.PUBLISH, Decision.PUBLISH)),
                JOB_SECONDS);
        assertThat(two).isNotNull().hasStackTraceContaining("a run has exactly one publish decision; got a second one");

        assertThat(new ManifestStore(layout).current(SCENARIO)).isEmpty();
        assertThat(layout.runRecordPath(SCENARIO, undecided)).doesNotExist();
        assertThat(layout.runRecordPath(SCENARIO, twice)).doesNotExist();
    }

    /**
     * FileSink hands the committed file's path to the post-commit topology percent-encoded (a space
     * as %20): a warehouse whose path has a space, '#' or '%' must still publish.
     */
    @Test
    void aWarehouseWhosePathHasASpacePublishes() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.resolve("my warehouse"));
        List<TestRow> input = TestMarts.rows(0, 30);
        String runId = RunIds.next(Clock.systemUTC());

        TestMarts.awaitSuccess(submit(layout, runId, input, Decision.PUBLISH), JOB_SECONDS);

        RunManifest manifest = new ManifestStore(layout).current(SCENARIO).orElseThrow();
        assertThat(manifest.runId()).isEqualTo(runId);
        assertThat(manifest.marts().get(ALPHA_NAME).rowCount() + manifest.marts().get(BETA_NAME).rowCount())
                .isEqualTo(input.size());
        assertFilesExist(manifest, layout);
    }

    /** The publish decision a test job emits. */
    private record Decision(boolean publish, String reason) {
        static final Decision PUBLISH = new Decision(true, null);

        static Decision refuse(String reason) {
            return new Decision(false, reason);
        }
    }

    private static JobClient submit(WarehouseLayout layout, String runId, List<TestRow> input, Decision decision)
            throws Exception {
        return submit(layout, runId, input, List.of(decision), false);
    }

    private static JobClient submit(WarehouseLayout layout, String runId, List<TestRow> input, Decision decision,
            boolean failAfterCommit) throws Exception {
        return submit(layout, runId, input, List.of(decision), failAfterCommit);
    }

    private static JobClient submit(WarehouseLayout layout, String runId, List<TestRow> input, List<Decision> decisions)
            throws Exception {
        return submit(layout, runId, input, decisions, false);
    }

    /**
     * A bounded job at parallelism 2: the rows, split by id parity into two sinks of one group, and
     * the publish decisions (normally exactly one).
     */
    private static JobClient submit(WarehouseLayout layout, String runId, List<TestRow> input, List<Decision> decisions,
            boolean failAfterCommit) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);

        MartCatalog<TestRow> catalog = TestMarts.catalog();
        RunPublication<TestRow> publication = new RunPublication<>(layout, SCENARIO, runId, catalog, failAfterCommit);
        RunRecord record = RunRecord.started("flink", 1, 1, 2, Instant.now(), "test rows " + runId,
                Map.of("scenario_id", SCENARIO), Map.of("rows", "test"), SCENARIO, runId);
        // fromData refuses an empty collection: "no decision" is one decision filtered away.
        List<PublishDecision> emitted = (decisions.isEmpty() ? List.of(Decision.PUBLISH) : decisions).stream()
                .map(d -> new PublishDecision(d.publish(), d.reason(), record)).toList();
        boolean none = decisions.isEmpty();
        DataStream<PublishDecision> decisionStream = env.fromData(emitted, TypeInformation.of(PublishDecision.class))
                .name("decision").setParallelism(1)
                .filter(d -> !none).name("keep decisions").setParallelism(1);
        MartSinkGroup<TestRow> group = new MartSinkGroup<>(catalog, publication, decisionStream);

        DataStream<TestRow> rows = env.fromData(input, TypeInformation.of(TestRow.class)).name("rows").setParallelism(2);
        rows.filter(r -> r.id() % 2 == 0).name("even ids").sinkTo(group.sink()).name("write marts · even ids");
        rows.filter(r -> r.id() % 2 != 0).name("odd ids").sinkTo(group.sink()).name("write marts · odd ids");
        return env.executeAsync("mart sink test " + runId);
    }

    private static void assertFilesExist(RunManifest manifest, WarehouseLayout layout) {
        for (String mart : manifest.marts().keySet()) {
            assertThat(manifest.filesOf(mart, layout)).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());
        }
    }

    static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<Path> hiddenFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir) && p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
