package io.planwise.actuals;

import io.planwise.warehouse.contract.ActualsMarts;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.cli.PlanwiseCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planwise append-events} and {@code planwise actuals} as an operator runs them, embedded. */
class ActualsCliTest {
    @TempDir
    static Path tmp;

    static ActualsTestbed db;

    @BeforeAll
    static void startPostgres() throws Exception {
        db = new ActualsTestbed(tmp);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        db.close();
    }

    private record Outcome(int exit, String out, String err) {}

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanwiseCli.fromClasspath().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome actuals(Path warehouse, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("actuals", "--url", db.url, "--db-user", "postgres",
                "--warehouse", warehouse.toString(), "--checkpoint-interval", "300ms", "--poll-interval", "100ms",
                "--until", "caught-up", "--dashboard-port", "18400-18499"));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void appendThenStreamUntilCaughtUpTwiceAndEveryEventIsInTheMartsOnce() throws Exception {
        Outcome generated = cli("append-events", "--url", db.url, "--db-user", "postgres", "--generate", "300", "--seed", "5");
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("appended 300 events (generated (seed 5, from 2025-01-01))",
                "table hr_events: event_id 1–300, one transaction");

        Path bad = tmp.resolve("bad-events.csv");
        Files.writeString(bad, "employee_id,event_type,effective_date,compensation,level_id\n"
                + "X1,hire,2025-02-03,70000,1\nX2,hire,2025-13-01,70000,1\n");
        Outcome refused = cli("append-events", "--url", db.url, "--db-user", "postgres", "--file", bad.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().lines().findFirst().orElseThrow())
                .isEqualTo("planwise: error: " + bad + " line 3: effective_date '2025-13-01' cannot be stored in the outbox "
                        + "(dates are YYYY-MM-DD)");

        Path odd = tmp.resolve("odd-events.csv");
        Files.writeString(odd, "employee_id,event_type,effective_date,compensation,level_id\n"
                + "H5-000001,relocation,2025-03-01,,\n"
                + "NOBODY,termination,2025-03-01,,\n"
                + "H5-000001,compensation_change,2024-01-01,1.00,\n");
        Outcome appended = cli("append-events", "--url", db.url, "--db-user", "postgres", "--file", odd.toString());
        assertThat(appended.exit()).as(appended.err()).isZero();
        assertThat(appended.out()).contains("appended 3 events (" + odd + ")", "event_id 301–303");

        Path warehouse = tmp.resolve("wh");
        Outcome first = actuals(warehouse);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("actuals from " + db.url + " table hr_events, from the first event",
                "checkpoints every 300 ms into " + warehouse.toAbsolutePath().resolve("actuals/_checkpoints"),
                "reading until the 303 events committed so far are in the marts", "caught up: 303 events in the marts");

        cli("append-events", "--url", db.url, "--db-user", "postgres", "--generate", "100", "--seed", "6");
        Path checkpoints = warehouse.toAbsolutePath().resolve("actuals/_checkpoints");
        try (Stream<Path> runs = Files.list(checkpoints)) {
            assertThat(runs.count()).isEqualTo(1);
        }
        Outcome second = actuals(warehouse, "--retained-checkpoints", "1");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("resuming from checkpoint " + checkpoints, "caught up: 403 events in the marts");
        // only this run's checkpoint is left: the first run's directory went after the second's first checkpoint
        try (Stream<Path> runs = Files.list(checkpoints)) {
            assertThat(runs.toList()).singleElement().isEqualTo(ActualsCheckpoints.latest(checkpoints).orElseThrow().getParent());
        }

        Path marts = warehouse.resolve("actuals");
        db.assertMartsHoldEveryEventOnce(marts);
        assertThat(ActualsTestbed.duck("SELECT reason FROM " + ActualsTestbed.relation(marts, ActualsMarts.QUARANTINE.name()) + " ORDER BY event_id"))
                .containsExactly(List.of("unknown_event_type"), List.of("unknown_employee"), List.of("date_out_of_order"));

        // without its checkpoints, a restart would write every event again: refused
        try (Stream<Path> files = Files.walk(marts.resolve("_checkpoints"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Outcome again = actuals(warehouse);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().lines().findFirst().orElseThrow()).contains("already holds actuals but",
                "has no checkpoint to resume from; starting over would write every event again");
    }

    @Test
    void theOpeningBalanceStartsTheActualWorkforceFromTheCensusByTheProjectionsRules() throws Exception {
        db.emptyOutbox();
        Path census = tmp.resolve("opening-census.csv");
        Files.writeString(census, "employee_id,employee_ssn,employee_birth_date,employee_hire_date,employee_termination_date,"
                + "employee_gross_compensation,active,department\n"
                + "OB-1,x,1980-04-01,2010-05-17,,60000.00,true,ops\n"          // level 1 (56,000-80,000)
                + "OB-2,x,1975-01-01,2001-01-01,,130000,true,ops\n"            // level 3
                + "OB-3,x,1990-01-01,2020-01-01,2025-06-30,70000,false,ops\n"  // left before the as-of date
                + "OB-4,x,1990-01-01,2026-02-01,,70000,true,ops\n"             // hired after it
                + "OB-5,x,1990-01-01,not-a-date,,70000,true,ops\n"             // rejected
                + "OB-2,x,1975-01-01,2003-03-03,,90000,true,ops\n");           // duplicate; the later hire (level 2) wins
        Path config = tmp.resolve("opening.yaml");
        Files.writeString(config, "simulation:\n  start_year: 2026\n");
        Outcome opened = cli("append-events", "--url", db.url, "--db-user", "postgres", "--census", census.toString(),
                "--config", config.toString());
        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("appended 2 events (opening balance of " + census + " as of 2025-12-31: 6 rows: "
                + "2 hires, 1 rejected (invalid_hire_date 1), 1 duplicate rows, 1 terminated_before_start, 1 not_yet_hired)");

        Path warehouse = tmp.resolve("wh-opening");
        Outcome streamed = actuals(warehouse);
        assertThat(streamed.exit()).as(streamed.err()).isZero();
        Path marts = warehouse.resolve("actuals");
        assertThat(ActualsTestbed.duck("SELECT employee_id, event_type, effective_date, level_id, compensation FROM "
                + ActualsTestbed.relation(marts, ActualsMarts.EVENTS.name()) + " ORDER BY employee_id")).containsExactly(
                        List.of("OB-1", "hire", "2010-05-17", "1", "60000"),
                        List.of("OB-2", "hire", "2003-03-03", "2", "90000"));
        assertThat(ActualsTestbed.duck("SELECT sum(headcount_change), sum(payroll_change) FROM "
                + ActualsTestbed.relation(marts, ActualsMarts.MONTHLY.name()) + " WHERE month <= DATE '2025-12-31'"))
                .containsExactly(List.of("2", "150000"));
        db.emptyOutbox();
    }

    @Test
    void usageMistakesAreExplained() {
        Outcome neither = cli("append-events", "--url", db.url);
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).startsWith("planwise: error: 'append-events' needs one of --file FILE, --generate N or --census FILE");
        Outcome interval = cli("actuals", "--url", db.url, "--checkpoint-interval", "soon");
        assertThat(interval.exit()).isEqualTo(2);
        assertThat(interval.err()).startsWith("planwise: error: --checkpoint-interval must be a positive duration like 500ms, 10s");
        Outcome until = cli("actuals", "--url", db.url, "--until", "tomorrow");
        assertThat(until.err()).startsWith("planwise: error: --until takes 'caught-up'");
        Outcome noTable = cli("actuals", "--url", db.url, "--db-user", "postgres", "--table", "missing_outbox",
                "--warehouse", tmp.resolve("wh-missing").toString());
        assertThat(noTable.exit()).isEqualTo(1);
        assertThat(noTable.err().lines().findFirst().orElseThrow()).isEqualTo("planwise: error: table missing_outbox does not exist in "
                + db.url + "; create the PlanWise tables with planwise init-db --url JDBC_URL (load-postgres creates them too)");
    }
}
