package io.planwise.connector.mart;

import static io.planwise.connector.mart.TestMarts.ALPHA_NAME;
import static io.planwise.connector.mart.TestMarts.BETA_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.testing.FlinkMiniCluster;
import io.planwise.testing.MartReader;
import io.planwise.warehouse.contract.Mart;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamingMartSink} in a STREAMING job with checkpoints: while the job runs, readers that
 * glob {@code <mart>/*.parquet} only ever see finished part files committed at checkpoints (never
 * the hidden in-progress ones, never a file that changes afterwards, never a row twice), the
 * committed rows grow checkpoint by checkpoint, and when the job ends every row is in exactly one
 * committed file of its own mart's directory.
 */
@Timeout(180)
class StreamingMartSinkTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private static final int ROWS = 1_000;
    private static final long SLEEP_MS = 5;

    @TempDir
    Path tmp;

    /** Turns sequence numbers into test rows, slowly enough for several checkpoints. */
    private static final class SlowRows implements MapFunction<Long, TestRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TestRow map(Long i) throws Exception {
            Thread.sleep(SLEEP_MS);
            return TestMarts.row(i);
        }
    }

    /** What one look at the directory saw. */
    private record Observation(long committedRows, int hiddenFiles) {}

    @Test
    void commitsOnCheckpointsAndWritesEveryRowExactlyOnce() throws Exception {
        Path directory = tmp.resolve("marts");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        env.fromSequence(0, ROWS - 1).name("sequence")
                .map(new SlowRows()).returns(TestRow.class).name("rows")
                .sinkTo(StreamingMartSink.create(TestMarts.streamingCatalog(), directory)).name("streaming marts");
        JobClient job = env.executeAsync("streaming mart sink test");
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();

        Map<Path, Long> sizeWhenFirstSeen = new HashMap<>();
        List<Observation> whileRunning = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (MartReader duck = new MartReader()) {
            try {
                while (!result.isDone()) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the streaming job did not finish within 90 s");
                    }
                    whileRunning.add(observe(directory, duck, sizeWhenFirstSeen));
                    Thread.sleep(30);
                }
            } catch (Throwable t) {
                // Never leave the job running into the next test.
                job.cancel().get(30, TimeUnit.SECONDS);
                throw t;
            }
            result.get(30, TimeUnit.SECONDS);

            // Mid-run: committed rows only grew, and they grew in several steps (one per completed
            // checkpoint that had new files), not all at once at the end of input.
            List<Long> counts = whileRunning.stream().map(Observation::committedRows).toList();
            for (int i = 1; i < counts.size(); i++) {
                assertThat(counts.get(i)).as("committed rows never shrink").isGreaterThanOrEqualTo(counts.get(i - 1));
            }
            assertThat(counts.stream().filter(c -> c > 0 && c < ROWS).distinct().count())
                    .as("distinct partial commits seen while the job ran: %s", new TreeSet<>(counts))
                    .isGreaterThanOrEqualTo(2);
            assertThat(whileRunning).as("in-progress files exist while the job runs, hidden from the glob")
                    .anyMatch(o -> o.hiddenFiles() > 0);

            // At the end: every row exactly once, each mart in its own directory, nothing in progress.
            observe(directory, duck, sizeWhenFirstSeen);
            try (Stream<Path> marts = Files.list(directory)) {
                assertThat(marts.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ALPHA_NAME, BETA_NAME);
            }
            assertThat(MartSinkTest.hiddenFiles(directory)).as("in-progress files left after the job").isEmpty();
            List<TestRow> input = TestMarts.rows(0, ROWS);
            for (Mart mart : List.of(TestMarts.STREAM_ALPHA, TestMarts.STREAM_BETA)) {
                String glob = "read_parquet(" + MartReader.quote(directory.resolve(mart.name()) + "/*.parquet") + ")";
                assertThat(duck.describe("select * from " + glob)).isEqualTo(MartReader.contractColumns(mart));
                assertThat(duck.count("select count(*) from " + glob)).isEqualTo(TestMarts.of(input, mart.name()).size());
                assertThat(duck.count("select count(distinct id) from " + glob)).isEqualTo(TestMarts.of(input, mart.name()).size());
            }
            assertThat(TestMarts.normalise(duck.rows("select id, label, amount, as_of from read_parquet("
                    + MartReader.quote(directory.resolve(ALPHA_NAME) + "/*.parquet") + ") order by id")))
                    .isEqualTo(TestMarts.expectedAlpha(input, false));
            assertThat(TestMarts.normalise(duck.rows("select id, flag, ratio, quantity, note from read_parquet("
                    + MartReader.quote(directory.resolve(BETA_NAME) + "/*.parquet") + ") order by id")))
                    .isEqualTo(TestMarts.expectedBeta(input, false));
        }
    }

    /** Fails once, at row {@link #FAIL_AT}, after noting how many files were committed by then. */
    private static final class FailOnce implements MapFunction<TestRow, TestRow> {
        private static final long serialVersionUID = 1L;
        static final long FAIL_AT = 700;
        static final java.util.concurrent.atomic.AtomicInteger COMMITTED_FILES_AT_FAILURE =
                new java.util.concurrent.atomic.AtomicInteger(-1);
        private final String directory;

        FailOnce(Path directory) {
            this.directory = directory.toString();
        }

        @Override
        public TestRow map(TestRow row) throws Exception {
            if (row.id() == FAIL_AT && COMMITTED_FILES_AT_FAILURE.get() < 0) {
                int committed = 0;
                for (String mart : List.of(ALPHA_NAME, BETA_NAME)) {
                    Path dir = Path.of(directory, mart);
                    if (Files.isDirectory(dir)) {
                        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.parquet")) {
                            for (Path ignored : files) {
                                committed++;
                            }
                        }
                    }
                }
                COMMITTED_FILES_AT_FAILURE.set(committed);
                throw new IllegalStateException("injected failure at row " + FAIL_AT);
            }
            return row;
        }
    }

    @Test
    void afterAFailureAndRestoreEveryRowIsStillCommittedExactlyOnce() throws Exception {
        FailOnce.COMMITTED_FILES_AT_FAILURE.set(-1);
        Path directory = tmp.resolve("marts");
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                java.time.Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        env.fromSequence(0, ROWS - 1).name("sequence")
                .map(new SlowRows()).returns(TestRow.class).name("rows")
                .map(new FailOnce(directory)).returns(TestRow.class).name("fail once")
                .sinkTo(StreamingMartSink.create(TestMarts.streamingCatalog(), directory)).name("streaming marts");

        TestMarts.awaitSuccess(env.executeAsync("streaming mart sink failover test"), 90);

        assertThat(FailOnce.COMMITTED_FILES_AT_FAILURE.get()).as("files committed before the injected failure")
                .isPositive();
        // The failed attempt's in-progress files are abandoned, not deleted (Flink's FileSink does not
        // clean them up); they stay hidden and never match the readers' glob.
        assertThat(MartSinkTest.hiddenFiles(directory)).allSatisfy(f ->
                assertThat(f.getFileName().toString()).matches("\\.part-[^/]+\\.parquet\\.inprogress\\.[^/]+"));
        List<TestRow> input = TestMarts.rows(0, ROWS);
        try (MartReader duck = new MartReader()) {
            for (Mart mart : List.of(TestMarts.STREAM_ALPHA, TestMarts.STREAM_BETA)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.resolve(mart.name()), "*.parquet")) {
                    files.forEach(f -> assertThat(f.getFileName().toString()).matches("part-[^.][^/]*\\.parquet"));
                }
                String glob = "read_parquet(" + MartReader.quote(directory.resolve(mart.name()) + "/*.parquet") + ")";
                assertThat(duck.count("select count(*) from " + glob)).as("rows of " + mart.name())
                        .isEqualTo(TestMarts.of(input, mart.name()).size());
                assertThat(duck.count("select count(distinct id) from " + glob)).isEqualTo(TestMarts.of(input, mart.name()).size());
            }
            assertThat(TestMarts.normalise(duck.rows("select id, label, amount, as_of from read_parquet("
                    + MartReader.quote(directory.resolve(ALPHA_NAME) + "/*.parquet") + ") order by id")))
                    .isEqualTo(TestMarts.expectedAlpha(input, false));
        }
    }

    /**
     * Looks at both mart directories as a reader would: the files {@code *.parquet} matches must be
     * finished part files (readable, never hidden, never changed once seen) holding no row twice.
     */
    private static Observation observe(Path directory, MartReader duck, Map<Path, Long> sizeWhenFirstSeen)
            throws Exception {
        long rows = 0;
        int hidden = 0;
        for (String mart : List.of(ALPHA_NAME, BETA_NAME)) {
            Path dir = directory.resolve(mart);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> committed = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.parquet")) {
                files.forEach(committed::add);
            }
            hidden += countHidden(dir);
            for (Path file : committed) {
                assertThat(file.getFileName().toString()).matches("part-[^.][^/]*\\.parquet");
                long size = Files.size(file);
                Long first = sizeWhenFirstSeen.putIfAbsent(file, size);
                assertThat(size).as("a committed file never changes: %s", file).isEqualTo(first == null ? size : first);
            }
            if (committed.isEmpty()) {
                continue;
            }
            // Exactly these files, so that a file committed between listing and reading is not counted.
            StringBuilder list = new StringBuilder("[");
            for (Path file : committed) {
                list.append(list.length() > 1 ? ", " : "").append(MartReader.quote(file.toString()));
            }
            String read = "read_parquet(" + list + "])";
            List<List<Object>> counts = duck.rows("select count(*), count(distinct id) from " + read);
            long all = ((Number) counts.get(0).get(0)).longValue();
            assertThat(((Number) counts.get(0).get(1)).longValue()).as("no row twice in %s", mart).isEqualTo(all);
            assertThat(duck.count("select count(*) from " + read + " where id % 3 " + (mart.equals(ALPHA_NAME) ? "=" : "<>") + " 0"))
                    .as("rows of the other mart in %s", mart).isZero();
            rows += all;
        }
        return new Observation(rows, hidden);
    }

    private static int countHidden(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }
}
