package io.planwise.actuals;

import io.planwise.testing.FlinkMiniCluster;
import io.planwise.warehouse.contract.ActualsMarts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tolerance: the job is killed in the middle of a stream that writers keep appending to, and
 * after it resumes from its last checkpoint the marts hold every outbox row exactly once.
 */
class ActualsRecoveryTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    @TempDir
    static Path shared;

    static ActualsTestbed db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        db = new ActualsTestbed(shared);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        db.emptyOutbox();
    }

    @Test
    void aCancelledJobRestartedFromItsRetainedCheckpointWritesEveryEventOnce() throws Exception {
        Path actuals = tmp.resolve("actuals");
        Path checkpoints = tmp.resolve("checkpoints");
        db.append(ActualsTestbed.synthetic(11, 200));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = db.writer("writer", ActualsTestbed.synthetic(12, 600), 3, 31, 300, held, release);
        JobClient first = db.start(actuals, checkpoints, null);
        writer.start();
        assertThat(held.await(2, java.util.concurrent.TimeUnit.MINUTES)).as("the writer reached its open transaction").isTrue();
        long beforeKill = ActualsTestbed.awaitCommitted(actuals, 250, Duration.ofSeconds(60));
        // killed while a writer's transaction is open and 300 of its events are still to come
        ActualsTestbed.stop(first);
        release.countDown();
        writer.join();
        db.append(ActualsTestbed.malformed());
        long rows = db.outboxRows();
        assertThat(rows).isEqualTo(200 + 600 + 9);
        assertThat(CommittedMartRows.count(actuals, List.of(ActualsMarts.EVENTS, ActualsMarts.QUARANTINE)))
                .isGreaterThanOrEqualTo(beforeKill).isLessThanOrEqualTo(500);

        Optional<Path> last = ActualsCheckpoints.latest(checkpoints);
        assertThat(last).isPresent();
        assertThat(last.get().getParent().getFileName().toString()).isEqualTo(first.getJobID().toString());
        // what a killed run leaves: a hidden in-progress file nothing will ever commit
        Path abandoned = actuals.resolve(ActualsMarts.EVENTS.name()).resolve(".part-0dead-0.parquet.inprogress.0beef");
        Files.writeString(abandoned, "rows of a run that died");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        long secondStart = System.currentTimeMillis();
        JobClient second = db.start(actuals, checkpoints, last.get());
        try {
            ActualsTestbed.awaitCommitted(actuals, rows, Duration.ofSeconds(90));
            Thread.sleep(1000);
        } finally {
            ActualsTestbed.stop(second);
        }
        db.assertMartsHoldEveryEventOnce(actuals);
        // Both runs compacted (ActualsTestbed.COMPACTION), so the restore re-committed files that a
        // compaction had already merged, and deleted after its one-second grace period.
        assertThat(ActualsTestbed.compactions(actuals)).as("compactions while the jobs ran").isPositive();
        // after the restored run's first checkpoint: no debris of the first run is left
        assertThat(abandoned).doesNotExist();
        try (Stream<Path> files = Files.walk(actuals)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains(".inprogress."))
                    .filter(f -> f.toFile().lastModified() < secondStart - ActualsHousekeeping.MARGIN_MILLIS)).isEmpty();
        }
        // the restored job's own checkpoints are now the latest
        assertThat(ActualsCheckpoints.latest(checkpoints).orElseThrow().getParent().getFileName().toString())
                .isEqualTo(second.getJobID().toString());
    }

    @Test
    void losingTheTaskManagerMidStreamRestartsFromTheLastCheckpoint(@InjectMiniCluster MiniCluster cluster) throws Exception {
        Path actuals = tmp.resolve("actuals");
        db.append(ActualsTestbed.synthetic(21, 200));
        db.append(ActualsTestbed.malformed());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = db.writer("writer", ActualsTestbed.synthetic(22, 600), 3, 41, 300, held, release);
        JobClient job = db.start(actuals, tmp.resolve("checkpoints"), null);
        try {
            writer.start();
            assertThat(held.await(2, java.util.concurrent.TimeUnit.MINUTES)).as("the writer reached its open transaction").isTrue();
            ActualsTestbed.awaitCommitted(actuals, 250, Duration.ofSeconds(60));
            try {
                cluster.terminateTaskManager(0).get();
            } finally {
                cluster.startTaskManager();
            }
            release.countDown();
            writer.join();
            ActualsTestbed.awaitCommitted(actuals, db.outboxRows(), Duration.ofSeconds(90));
            Thread.sleep(1000);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(cluster.getExecutionGraph(job.getJobID()).get().getStatusTimestamp(JobStatus.RESTARTING))
                    .as("the job failed over").isPositive();
        } finally {
            release.countDown();
            ActualsTestbed.stop(job);
        }
        db.assertMartsHoldEveryEventOnce(actuals);
        assertThat(ActualsTestbed.compactions(actuals)).as("compactions while the job ran").isPositive();
    }
}
