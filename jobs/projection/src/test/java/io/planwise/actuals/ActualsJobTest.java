package io.planwise.actuals;

import io.planwise.testing.FlinkMiniCluster;
import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.contract.ActualsMarts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.planwise.database.NewHrEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
 * The streaming actuals job on a MiniCluster, reading a real PostgreSQL outbox while writers append
 * to it: what arrives in the marts, what is quarantined, and that nothing committed late is lost.
 */
class ActualsJobTest {
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
    void twoWritersCommittingOutOfIdOrderLoseNoEventAndBadEventsAreQuarantined(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        Path actuals = tmp.resolve("actuals");
        db.append(ActualsTestbed.synthetic(1, 50));
        JobClient job = db.start(actuals, tmp.resolve("checkpoints"), null);
        try {
            Thread first = db.writer("writer-1", ActualsTestbed.synthetic(2, 300), 3, 21);
            Thread second = db.writer("writer-2", ActualsTestbed.synthetic(3, 300), 4, 22);
            first.start();
            second.start();
            ActualsTestbed.awaitCommitted(actuals, 20, Duration.ofSeconds(60));
            // the server drops the reader's idle connection: it reconnects instead of failing the job
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                            + "AND query LIKE '%pg_snapshot_xmin(pg_current_snapshot())%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            db.append(ActualsTestbed.malformed());
            first.join();
            second.join();
            long rows = db.outboxRows();
            assertThat(rows).isEqualTo(50 + 300 + 300 + 9);
            ActualsTestbed.awaitCommitted(actuals, rows, Duration.ofSeconds(60));
            // a little longer: nothing beyond the outbox may ever arrive
            Thread.sleep(1000);
            assertThat(cluster.getExecutionGraph(job.getJobID()).get().getStatusTimestamp(JobStatus.RESTARTING))
                    .as("the job never restarted").isZero();
            // the dashboard shows progress and lag: every row applied, none behind, commits every 300 ms
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String seen = "";
            while (true) {
                JsonNode accepted = ActualsTestbed.metric(cluster, job.getJobID(), "eventsAccepted");
                JsonNode quarantined = ActualsTestbed.metric(cluster, job.getJobID(), "eventsQuarantined");
                JsonNode behind = ActualsTestbed.metric(cluster, job.getJobID(), "outboxRowsBehind");
                JsonNode sinceCommit = ActualsTestbed.metric(cluster, job.getJobID(), "secondsSinceLastCommit");
                seen = accepted + " " + quarantined + " " + behind + " " + sinceCommit;
                if (accepted != null && quarantined != null && behind != null && sinceCommit != null
                        && accepted.path("sum").asLong() + quarantined.path("sum").asLong() == rows
                        && behind.path("max").asLong() == 0 && sinceCommit.path("max").asLong() <= 5) {
                    break;
                }
                assertThat(System.nanoTime()).as("metrics after 60 s: " + seen).isLessThan(deadline);
                Thread.sleep(500);
            }
            assertThat(ActualsTestbed.metric(cluster, job.getJobID(), "eventsQuarantined").path("sum").asLong()).isEqualTo(8);
        } finally {
            ActualsTestbed.stop(job);
        }
        db.assertMartsHoldEveryEventOnce(actuals);
        assertThat(ActualsTestbed.duck("SELECT reason, count(*) FROM " + ActualsTestbed.relation(actuals, ActualsMarts.QUARANTINE.name())
                + " GROUP BY ALL ORDER BY 1")).containsExactly(
                        List.of("date_out_of_order", "1"), List.of("missing_compensation", "1"),
                        List.of("missing_effective_date", "1"), List.of("missing_employee_id", "1"),
                        List.of("unknown_employee", "3"), List.of("unknown_event_type", "1"));
        // A reader reads committed and compacted files only, never a hidden in-progress one; the job
        // compacted while it ran (ActualsTestbed.COMPACTION), so every event landed once across that too.
        Path events = actuals.resolve(ActualsMarts.EVENTS.name());
        assertThat(StreamingMartFiles.current(events)).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString())
                .matches("(part|compacted)-[A-Za-z0-9._-]+\\.parquet"));
        assertThat(ActualsTestbed.compactions(actuals)).as("compactions while the job ran").isPositive();
    }

    @Test
    void theMonthlyMartGivesHeadcountAndPayrollAtEveryMonthEnd() throws Exception {
        Path actuals = tmp.resolve("actuals");
        LocalDate jan = LocalDate.of(2025, 1, 15);
        db.append(List.of(
                new NewHrEvent("A", "hire", jan, new java.math.BigDecimal("60000.00"), 1),
                new NewHrEvent("B", "hire", jan, new java.math.BigDecimal("90000.00"), 2),
                new NewHrEvent("A", "compensation_change", jan.plusMonths(1), new java.math.BigDecimal("63000.00"), null),
                new NewHrEvent("A", "promotion", jan.plusMonths(2), new java.math.BigDecimal("85000.00"), 2),
                new NewHrEvent("B", "termination", jan.plusMonths(3), null, null)));
        JobClient job = db.start(actuals, tmp.resolve("checkpoints"), null);
        try {
            ActualsTestbed.awaitCommitted(actuals, 5, Duration.ofSeconds(60));
        } finally {
            ActualsTestbed.stop(job);
        }
        db.assertMartsHoldEveryEventOnce(actuals);
        // end-of-month figures are running sums of the movements
        assertThat(ActualsTestbed.duck("SELECT month::VARCHAR, level_id, sum(sum(headcount_change)) OVER w, "
                + "sum(sum(payroll_change)) OVER w, sum(hires), sum(terminations) FROM "
                + ActualsTestbed.relation(actuals, ActualsMarts.MONTHLY.name()) + " GROUP BY month, level_id "
                + "WINDOW w AS (PARTITION BY level_id ORDER BY month) ORDER BY 1, 2")).containsExactly(
                        List.of("2025-01-01", "1", "1", "60000", "1", "0"),
                        List.of("2025-01-01", "2", "1", "90000", "1", "0"),
                        List.of("2025-02-01", "1", "1", "63000", "0", "0"),
                        List.of("2025-03-01", "1", "0", "0", "0", "0"),
                        List.of("2025-03-01", "2", "2", "175000", "0", "0"),
                        List.of("2025-04-01", "2", "1", "85000", "0", "1"));
        assertThat(ActualsTestbed.duck("SELECT event_type, level_id, previous_level_id, compensation, previous_compensation FROM "
                + ActualsTestbed.relation(actuals, ActualsMarts.EVENTS.name()) + " ORDER BY event_id")).containsExactly(
                        Arrays.asList("hire", "1", null, "60000", null), Arrays.asList("hire", "2", null, "90000", null),
                        List.of("compensation_change", "1", "1", "63000", "60000"),
                        List.of("promotion", "2", "1", "85000", "63000"), Arrays.asList("termination", "2", null, "90000", null));
    }
}
