package io.planwise.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.database.HrDatabase;
import io.planwise.database.HrEventsOutboxWriter;
import io.planwise.database.NewHrEvent;
import io.planwise.model.actuals.EmployeeHistory;
import io.planwise.model.actuals.EmployeeStanding;
import io.planwise.model.actuals.HrEvent;
import io.planwise.model.actuals.HrEventOutcome;
import io.planwise.model.actuals.SyntheticHrEvents;
import io.planwise.model.actuals.WorkforceMovement;
import io.planwise.testing.PostgresServer;
import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.contract.ActualsMarts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A real PostgreSQL with the PlanWise schema, writers that append HR events the way concurrent HR
 * systems do, the actuals job on the test's MiniCluster, and the checks every actuals test makes:
 * the marts, read back with DuckDB through the reader rule (StreamingMartFiles), hold every outbox row exactly
 * once and agree with a replay of the outbox through the model.
 */
final class ActualsTestbed implements AutoCloseable {
    private static final List<String> OUTBOX_COLUMNS = HrEventDecoder.COLUMNS;

    private final PostgresServer postgres;
    final String url;
    final PostgresEndpoint endpoint;

    /** @param dir the test's directory (the server keeps its data under the test temp directory) */
    ActualsTestbed(Path dir) throws Exception {
        postgres = new PostgresServer().start();
        url = postgres.url();
        endpoint = PostgresEndpoint.of(url, postgres.user(), "", Map.of());
        HrDatabase.createMissingTables(endpoint);
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }

    Connection connect() throws SQLException {
        return postgres.connect();
    }

    void emptyOutbox() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE hr_events RESTART IDENTITY");
        }
    }

    /** Valid synthetic events of one seed's employees (H<seed>-…). */
    static List<NewHrEvent> synthetic(long seed, int count) {
        return new SyntheticHrEvents(seed, LocalDate.of(2025, 1, 1)).events(count).stream()
                .map(r -> new NewHrEvent(r.employeeId(), r.eventType(), r.effectiveDate(),
                        BigDecimal.valueOf(r.compensationCents(), 2), r.levelId()))
                .toList();
    }

    /** One event of every kind the job must quarantine, for employees no other writer uses. */
    static List<NewHrEvent> malformed() {
        LocalDate d = LocalDate.of(2025, 6, 2);
        BigDecimal pay = new BigDecimal("70000.00");
        return List.of(
                new NewHrEvent("Q-1", "transfer", d, pay, 1),
                new NewHrEvent(null, "hire", d, pay, 1),
                new NewHrEvent("Q-2", "termination", d, null, null),
                new NewHrEvent("Q-3", "promotion", d, null, 2),
                new NewHrEvent("Q-4", "compensation_change", d, pay, null),
                new NewHrEvent("Q-5", "hire", d, null, 1),
                new NewHrEvent("Q-6", "hire", d, pay, 2),
                new NewHrEvent("Q-6", "termination", d.minusDays(3), null, null),
                new NewHrEvent("Q-7", "hire", null, pay, 1));
    }

    void append(List<NewHrEvent> events) {
        new HrEventsOutboxWriter(endpoint, "hr_events").append(events);
    }

    /**
     * Appends the events in transactions of a few events each, holding every transaction open for
     * a random moment before committing, so two such writers commit out of id order. Every third
     * transaction takes its transaction id before inserting (as a writer that updates another table
     * first would), so transaction order and id order disagree too.
     */
    Thread writer(String name, List<NewHrEvent> events, int perTransaction, long seed) {
        return writer(name, events, perTransaction, seed, -1, null, null);
    }

    /**
     * The same writer, but the transaction holding event number holdAt stays open (its rows
     * inserted, not committed) until release opens: {@code held} says when it is there.
     */
    Thread writer(String name, List<NewHrEvent> events, int perTransaction, long seed, int holdAt,
            java.util.concurrent.CountDownLatch held, java.util.concurrent.CountDownLatch release) {
        Thread t = new Thread(() -> {
            Random random = new Random(seed);
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO hr_events (employee_id, event_type, "
                        + "effective_date, compensation, level_id) VALUES (?, ?, ?, ?, ?)"); Statement s = c.createStatement()) {
                    for (int i = 0, tx = 0; i < events.size(); i += perTransaction, tx++) {
                        if (tx % 3 == 0) {
                            s.execute("SELECT pg_current_xact_id()");
                            Thread.sleep(random.nextInt(5));
                        }
                        for (NewHrEvent e : events.subList(i, Math.min(events.size(), i + perTransaction))) {
                            insert.setString(1, e.employeeId());
                            insert.setString(2, e.eventType());
                            insert.setObject(3, e.effectiveDate());
                            insert.setBigDecimal(4, e.compensation());
                            insert.setObject(5, e.levelId());
                            insert.executeUpdate();
                        }
                        Thread.sleep(random.nextInt(15));
                        if (holdAt >= i && holdAt < i + perTransaction) {
                            held.countDown();
                            if (!release.await(5, java.util.concurrent.TimeUnit.MINUTES)) {
                                throw new IllegalStateException("writer " + name + " was never released");
                            }
                        }
                        c.commit();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("writer " + name + " failed", e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    long outboxRows() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM hr_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Starts the actuals job; restoreFrom null starts from the beginning of the outbox. */
    JobClient start(Path actuals, Path checkpoints, Path restoreFrom) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                ActualsCheckpoints.configuration(Duration.ofMillis(300), checkpoints, restoreFrom));
        env.setParallelism(2);
        new ActualsJob(ActualsJob.outbox(endpoint, "hr_events", Duration.ofMillis(100)),
                new ActualsHousekeeping(actuals, checkpoints, System.currentTimeMillis(), 3, COMPACTION)).addTo(env);
        return env.executeAsync("actuals under test");
    }

    /**
     * A metric of the running job as the dashboard shows it, through the cluster's REST API: the
     * aggregate ({@code min}, {@code max}, {@code sum}) over the subtasks of the vertex that reports
     * it, or null while no vertex reports it yet.
     */
    static JsonNode metric(MiniCluster cluster, JobID job, String name) throws Exception {
        String base = cluster.getRestAddress().get().toString() + "/jobs/" + job;
        for (JsonNode v : restGet(base).path("vertices")) {
            String vertex = base + "/vertices/" + v.path("id").asText() + "/subtasks/metrics";
            for (JsonNode m : restGet(vertex)) {
                String id = m.path("id").asText();
                if (id.equals(name) || id.endsWith("." + name)) {
                    JsonNode values = restGet(vertex + "?get=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                    return values.size() == 0 ? null : values.get(0);
                }
            }
        }
        return null;
    }

    private static JsonNode restGet(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    /** Waits until the committed events and quarantine rows reach at least the given count. */
    static long awaitCommitted(Path actuals, long rows, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen;
        while ((seen = CommittedMartRows.count(actuals, List.of(ActualsMarts.EVENTS, ActualsMarts.QUARANTINE))) < rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + " the marts hold " + seen + " of " + rows + " events");
            }
            Thread.sleep(100);
        }
        return seen;
    }

    static void stop(JobClient job) throws Exception {
        job.cancel().get();
        try {
            job.getJobExecutionResult().get();
        } catch (Exception cancelled) {
            // a cancelled job ends with an exception; its checkpoint is retained
        }
    }

    /**
     * How the testbed's jobs compact: at the first checkpoint a second after the last compaction,
     * replaced files kept for a second, so that every actuals test runs through compactions and
     * deletions and its exactly-once counts are taken across them.
     */
    static final ActualsHousekeeping.Schedule COMPACTION = new ActualsHousekeeping.Schedule(Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    /** How many compactions the actuals marts' records hold (at least one once a compaction ran). */
    static int compactions(Path actuals) {
        return ActualsMarts.ALL.stream().mapToInt(m -> StreamingMartFiles.record(actuals.resolve(m.name())).compactions().size())
                .sum();
    }

    /**
     * What a reader reads of a streaming mart: exactly its current files ({@link StreamingMartFiles}),
     * or an empty relation of its columns when it has none yet.
     */
    static String relation(Path actuals, String martName) {
        io.planwise.warehouse.contract.Mart mart = ActualsMarts.ALL.stream().filter(m -> m.name().equals(martName))
                .findFirst().orElseThrow();
        return "(" + io.planwise.warehouse.contract.MartQuery.select(mart, StreamingMartFiles.current(actuals.resolve(martName)))
                + ")";
    }

    static List<List<Object>> duck(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v == null ? null : v.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** What the marts must hold: the outbox replayed through the model in the reader's order. */
    record Expected(List<Long> eventIds, List<Long> acceptedIds, Map<Long, String> quarantined,
            Map<List<Object>, List<Object>> monthly) {}

    Expected replay() throws Exception {
        var decoder = new HrEventDecoder().bind("outbox", OUTBOX_COLUMNS);
        Map<String, EmployeeStanding> standings = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        Map<Long, String> quarantined = new TreeMap<>();
        Map<List<Object>, long[]> monthly = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT event_id, employee_id, event_type, effective_date, compensation, level_id, recorded_at "
                        + "FROM hr_events ORDER BY txid, event_id")) {
            while (rs.next()) {
                String[] values = new String[OUTBOX_COLUMNS.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getString(i + 1);
                }
                HrEvent e = decoder.decode(rs.getLong(1), values, values.length, "");
                String key = e.employeeId() == null ? "" : e.employeeId();
                HrEventOutcome o = EmployeeHistory.apply(standings.get(key), e);
                ids.add(e.eventId());
                if (!o.isAccepted()) {
                    quarantined.put(e.eventId(), o.quarantined().reason());
                    continue;
                }
                standings.put(key, o.standing());
                accepted.add(e.eventId());
                for (WorkforceMovement m : o.movements()) {
                    long[] sums = monthly.computeIfAbsent(List.of(m.month().toString(), String.valueOf(m.levelId())),
                            k -> new long[6]);
                    sums[0] += m.headcountChange();
                    sums[1] += m.hires();
                    sums[2] += m.terminations();
                    sums[3] += m.promotionsIn();
                    sums[4] += m.promotionsOut();
                    sums[5] += m.payrollChangeCents();
                }
            }
        }
        Map<List<Object>, List<Object>> figures = new java.util.LinkedHashMap<>();
        monthly.forEach((k, v) -> figures.put(k, List.of(String.valueOf(v[0]), String.valueOf(v[1]), String.valueOf(v[2]),
                String.valueOf(v[3]), String.valueOf(v[4]), BigDecimal.valueOf(v[5], 2).stripTrailingZeros().toPlainString())));
        return new Expected(ids.stream().sorted().toList(), accepted.stream().sorted().toList(), quarantined, figures);
    }

    /** Every outbox row exactly once in the marts, and the marts equal to the replay. */
    void assertMartsHoldEveryEventOnce(Path actuals) throws Exception {
        Expected expected = replay();
        String events = relation(actuals, ActualsMarts.EVENTS.name());
        String quarantine = relation(actuals, ActualsMarts.QUARANTINE.name());
        String monthly = relation(actuals, ActualsMarts.MONTHLY.name());
        assertThat(duck("SELECT event_id, count(*) FROM (SELECT event_id FROM " + events + " UNION ALL SELECT event_id FROM "
                + quarantine + ") GROUP BY event_id HAVING count(*) <> 1")).as("events written more than once").isEmpty();
        List<Long> seen = duck("SELECT event_id FROM " + events + " UNION ALL SELECT event_id FROM " + quarantine
                + " ORDER BY 1").stream().map(r -> Long.valueOf((String) r.get(0))).toList();
        assertThat(seen).as("every outbox row, none missing").isEqualTo(expected.eventIds());
        assertThat(duck("SELECT event_id FROM " + events + " ORDER BY 1").stream().map(r -> Long.valueOf((String) r.get(0))))
                .isEqualTo(expected.acceptedIds());
        Map<Long, String> reasons = new TreeMap<>();
        duck("SELECT event_id, reason FROM " + quarantine).forEach(r -> reasons.put(Long.valueOf((String) r.get(0)), (String) r.get(1)));
        assertThat(reasons).isEqualTo(expected.quarantined());
        assertThat(duck("SELECT count(*) FROM " + monthly + " m ANTI JOIN " + events + " e USING (event_id)"))
                .as("movements of events that are not in fct_hr_events_actual").containsExactly(List.of("0"));
        Map<List<Object>, List<Object>> figures = new java.util.LinkedHashMap<>();
        duck("SELECT month::VARCHAR, level_id::VARCHAR, sum(headcount_change), sum(hires), sum(terminations), sum(promotions_in), "
                + "sum(promotions_out), sum(payroll_change) FROM " + monthly + " GROUP BY ALL ORDER BY 1, 2")
                .forEach(r -> figures.put(List.of(r.get(0), r.get(1)), r.subList(2, 8)));
        assertThat(figures).isEqualTo(expected.monthly());
    }
}
