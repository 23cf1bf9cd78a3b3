package io.planwise.connector.mart;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.testing.MartReader;
import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.contract.MartQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction of a streaming mart's committed files, read back with DuckDB through the reader rule
 * of {@link StreamingMartFiles}: every row exactly once before, during and after a compaction, the
 * replaced files kept for the grace period and removed after it, a dead round's debris ignored and
 * then removed, and readers that run while files are committed and compacted never see a row
 * twice or miss one.
 */
class StreamingMartCompactorTest {
    private static final MartSchema<TestRow> ALPHA = TestMarts.alpha(TestMarts.STREAM_ALPHA);
    private static final int ROWS_PER_FILE = 25;

    @TempDir
    Path dir;

    /** Commits file {@code k} the way the sink does (written hidden, renamed): ids k × 25 … k × 25 + 24. */
    private void commit(Path mart, int k) throws Exception {
        Files.createDirectories(mart);
        List<TestRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_FILE; i++) {
            long id = (long) k * ROWS_PER_FILE + i;
            rows.add(TestRow.alpha(2025, id, "row " + id, id * 100, null));
        }
        Path hidden = mart.resolve(".part-" + k + ".inprogress." + k);
        MartParquetWriter.write(hidden, ALPHA, rows);
        Files.move(hidden, mart.resolve("part-test-" + k + ".parquet"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** count, distinct ids, min and max id of the rows the reader rule gives now. */
    private static List<Object> census(MartReader duck, Path mart) throws Exception {
        List<Path> files = StreamingMartFiles.current(mart);
        return duck.rows("select count(*), count(distinct id), min(id), max(id) from "
                + MartQuery.readParquet(files, null)).get(0);
    }

    @Test
    void aCompactionKeepsEveryRowOnceAndTheReplacedFilesForTheGracePeriod() throws Exception {
        Path mart = dir.resolve("alpha");
        for (int k = 0; k < 40; k++) {
            commit(mart, k);
        }
        StreamingMartCompactor compactor = new StreamingMartCompactor(Duration.ofMinutes(10));
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        try (MartReader duck = new MartReader()) {
            List<Object> before = census(duck, mart);
            assertThat(before).containsExactly(1000L, 1000L, 0L, 999L);

            StreamingMartCompactor.Outcome first = compactor.compact(mart, now);
            assertThat(first.merged()).isEqualTo(40);
            assertThat(StreamingMartFiles.current(mart)).hasSize(1)
                    .allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("compacted-"));
            assertThat(census(duck, mart)).isEqualTo(before);
            // A reader that listed the files before the compaction still finds every one of them.
            assertThat(StreamingMartFiles.list(mart).stream().filter(f -> f.getFileName().toString().startsWith("part-")))
                    .hasSize(40);
            assertThat(duck.count("select count(*) from read_parquet(" + MartReader.quote(mart + "/*.parquet") + ")"))
                    .as("a plain glob counts a compaction's rows twice during the grace period").isEqualTo(2000);

            StreamingMartCompactor.Outcome early = compactor.compact(mart, now.plus(Duration.ofMinutes(9)));
            assertThat(early.deleted()).as("nothing is deleted inside the grace period").isZero();
            StreamingMartCompactor.Outcome after = compactor.compact(mart, now.plus(Duration.ofMinutes(10)));
            assertThat(after.deleted()).isEqualTo(40);
            assertThat(StreamingMartFiles.list(mart).stream().map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".parquet"))).hasSize(1);
            assertThat(census(duck, mart)).isEqualTo(before);

            // New commits and the compacted file are merged again into one file.
            for (int k = 40; k < 45; k++) {
                commit(mart, k);
            }
            StreamingMartCompactor.Outcome again = compactor.compact(mart, now.plus(Duration.ofMinutes(11)));
            assertThat(again.merged()).isEqualTo(6);
            assertThat(StreamingMartFiles.current(mart)).hasSize(1);
            assertThat(census(duck, mart)).containsExactly(1125L, 1125L, 0L, 1124L);
            compactor.compact(mart, now.plus(Duration.ofMinutes(30)));
            assertThat(StreamingMartFiles.record(mart).compactions()).as("the replaced merge's entry is dropped").hasSize(1);
            assertThat(census(duck, mart)).containsExactly(1125L, 1125L, 0L, 1124L);
        }
    }

    @Test
    void aDeadRoundsDebrisIsNeverReadAndIsRemovedAfterTheGracePeriod() throws Exception {
        Path mart = dir.resolve("alpha");
        for (int k = 0; k < 3; k++) {
            commit(mart, k);
        }
        // A round that died after renaming its merge, before recording it; another one mid-write.
        Path unrecorded = mart.resolve("compacted-20261204T110000-abcdef.parquet");
        Files.copy(mart.resolve("part-test-0.parquet"), unrecorded);
        Path writing = mart.resolve(".compacting-123456.tmp");
        Files.copy(mart.resolve("part-test-1.parquet"), writing);
        try (MartReader duck = new MartReader()) {
            assertThat(census(duck, mart)).containsExactly(75L, 75L, 0L, 74L);
            Instant now = Instant.now();
            new StreamingMartCompactor(Duration.ofMinutes(5)).compact(mart, now);
            assertThat(unrecorded).as("younger than the grace period: it may still be being recorded").exists();
            assertThat(census(duck, mart)).containsExactly(75L, 75L, 0L, 74L);
            Files.setLastModifiedTime(unrecorded, FileTime.from(now.minus(Duration.ofMinutes(6))));
            Files.setLastModifiedTime(writing, FileTime.from(now.minus(Duration.ofMinutes(6))));
            new StreamingMartCompactor(Duration.ofMinutes(5)).compact(mart, now);
            assertThat(unrecorded).doesNotExist();
            assertThat(writing).doesNotExist();
            assertThat(census(duck, mart)).containsExactly(75L, 75L, 0L, 74L);
        }
    }

    @Test
    void readersWhileFilesAreCommittedAndCompactedSeeEveryCommittedRowExactlyOnce() throws Exception {
        Path mart = dir.resolve("alpha");
        commit(mart, 0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                while (!stop.get()) {
                    commit(mart, committed.get());
                    committed.incrementAndGet();
                    Thread.sleep(25);
                }
                return null;
            });
            Future<?> compacting = threads.submit(() -> {
                StreamingMartCompactor compactor = new StreamingMartCompactor(Duration.ofSeconds(2));
                while (!stop.get()) {
                    compactor.compact(mart, Instant.now());
                    rounds.incrementAndGet();
                    Thread.sleep(100);
                }
                return null;
            });
            Future<?> reader = threads.submit(() -> {
                try (MartReader duck = new MartReader()) {
                    while (!stop.get()) {
                        int before = committed.get();
                        List<Object> seen = census(duck, mart);
                        long rows = (Long) seen.get(0);
                        assertThat(seen.get(1)).as("no row twice").isEqualTo(rows);
                        assertThat(seen.get(2)).isEqualTo(0L);
                        assertThat(seen.get(3)).as("no gap").isEqualTo(rows - 1);
                        assertThat(rows).as("every file committed before the read").isGreaterThanOrEqualTo((long) before * ROWS_PER_FILE);
                        reads.incrementAndGet();
                    }
                }
                return null;
            });
            // Until enough reads have raced enough rounds (about 3 s here), at most 30 s.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && (reads.get() < 15 || rounds.get() < 15 || committed.get() < 100)
                    && !writer.isDone() && !compacting.isDone() && !reader.isDone()) {
                Thread.sleep(50);
            }
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS);
            compacting.get(30, TimeUnit.SECONDS);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
        assertThat(reads.get()).isGreaterThanOrEqualTo(15);
        assertThat(rounds.get()).isGreaterThanOrEqualTo(15);
        assertThat(StreamingMartFiles.record(mart).compactions()).as("compactions happened").isNotEmpty();
        assertThat(StreamingMartFiles.list(mart).size()).as("files deleted after their grace period")
                .isLessThan(committed.get());
    }
}
