package io.planwise.cli;

import io.planwise.actuals.ActualsCheckpoints;
import io.planwise.actuals.ActualsHousekeeping;
import io.planwise.actuals.ActualsJob;
import io.planwise.warehouse.contract.ActualsMarts;
import io.planwise.warehouse.contract.Mart;
import io.planwise.actuals.CommittedMartRows;
import io.planwise.connector.postgres.outbox.HrEventsOutboxSource;
import io.planwise.model.actuals.HrEvent;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code planwise actuals}: runs the streaming actuals job, embedded (a local MiniCluster with its
 * dashboard) or on the cluster under {@code flink run}. It resumes by itself from the newest
 * checkpoint in the checkpoint directory (default {@code <warehouse>/actuals/_checkpoints}), so
 * stopping it (Ctrl-C, a killed process, a cancelled job) and starting it again continues where
 * the last checkpoint left off. It refuses to start from scratch into marts that already hold
 * events, which would write them all a second time. {@code --until caught-up} stops (keeping the
 * checkpoint) once everything committed to the outbox before the start is in the marts.
 */
public final class ActualsCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("url", "JDBC_URL", null, "the database holding the outbox"),
            Option.of("warehouse", "DIR", "warehouse", "the warehouse whose actuals/ directory holds the marts"),
            Option.of("checkpoint-interval", "DURATION", "10s", "how often events are committed to the marts"),
            Option.of("checkpoint-dir", "DIR", "<warehouse>/actuals/_checkpoints", "where checkpoints are kept"),
            Option.of("restore", "CHECKPOINT", "the newest retained checkpoint", "checkpoint or savepoint to resume from"),
            Option.of("poll-interval", "DURATION", "1s", "how often the outbox is asked for new events"),
            Option.of("parallelism", "N", "2", "parallel tasks of the per-employee work and the writers"),
            Option.of("until", "caught-up", "run until stopped", "stop once every event committed before the start is in"),
            Option.of("table", "TABLE", "hr_events", "the outbox table"),
            Option.of("retained-checkpoints", "N", "3", "checkpoints kept across restarts (the newest N runs' latest)"),
            Option.of("compact-every", "DURATION|off", "1h", "how often the marts' small committed files are merged"),
            Option.of("compaction-grace", "DURATION", "10m", "how long merged files stay for scans under way"),
            DashboardBinding.ADDRESS, DashboardBinding.PORTS,
            DatabaseInputs.USER, DatabaseInputs.PASSWORD);
    static final Usage USAGE = new Usage("actuals", "stream the HR events outbox into the actuals marts (<warehouse>/actuals), exactly once", 90, OPTIONS);

    public ActualsCommand() {
        super(USAGE);
    }
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final List<Mart> ONE_ROW_PER_EVENT = List.of(ActualsMarts.EVENTS, ActualsMarts.QUARANTINE);

    private PrintStream out;

    @Override
    public void run(Options cl, PrintStream out) throws Exception {
        this.out = out;
        String until = cl.get("until");
        if (until != null && !until.equals("caught-up")) {
            throw new UsageException("--until takes 'caught-up', got '" + until + "'");
        }
        Duration interval = duration(cl.get("checkpoint-interval", "10s"), "--checkpoint-interval");
        Duration poll = duration(cl.get("poll-interval", "1s"), "--poll-interval");
        Path actuals = Path.of(cl.get("warehouse", "warehouse")).resolve(ActualsMarts.DIRECTORY).toAbsolutePath();
        Path checkpoints = cl.get("checkpoint-dir") == null ? actuals.resolve("_checkpoints")
                : Path.of(cl.get("checkpoint-dir")).toAbsolutePath();
        long retained = cl.wholeNumber("retained-checkpoints", 3);
        if (retained < 1 || retained > 1000) {
            throw new UsageException("--retained-checkpoints must be between 1 and 1000 (the next start resumes from the newest), got "
                    + retained);
        }
        Path restore = restorePoint(cl, actuals, checkpoints);
        String every = cl.get("compact-every", "1h");
        ActualsHousekeeping.Schedule compaction = new ActualsHousekeeping.Schedule(
                every.equalsIgnoreCase("off") ? null : duration(every, "--compact-every"),
                duration(cl.get("compaction-grace", "10m"), "--compaction-grace"));
        ActualsHousekeeping housekeeping = new ActualsHousekeeping(actuals, checkpoints, System.currentTimeMillis(), (int) retained,
                compaction);
        HrEventsOutboxSource<HrEvent> source = ActualsJob.outbox(DatabaseInputs.endpoint(cl, cl.require("url")),
                cl.get("table", "hr_events"), poll);

        Configuration conf = ActualsCheckpoints.configuration(interval, checkpoints, restore);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        boolean local = env instanceof LocalStreamEnvironment;
        if (local) {
            String dashboard = LocalDashboard.configure(conf, DashboardBinding.of(cl));
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
            env.setParallelism((int) cl.wholeNumber("parallelism", 2));
            out.printf("Flink dashboard: %s (while the job runs)%n", dashboard);
        } else {
            env.configure(conf);
            if (cl.get("parallelism") != null) {
                env.setParallelism((int) cl.wholeNumber("parallelism", 1));
            }
        }
        new ActualsJob(source, housekeeping).addTo(env);
        out.printf("actuals from %s, %s%n", source.description(), restore == null ? "from the first event"
                : "resuming from checkpoint " + restore);
        out.printf("checkpoints every %s into %s; each one commits new files to %s/<mart>/ (%s)%n",
                describe(interval), checkpoints, actuals, String.join(", ", ActualsMarts.ALL.stream().map(Mart::name).toList()));
        out.printf("%s%n", compaction.every() == null ? "no compaction (--compact-every off)" : "small committed files merged every "
                + describe(compaction.every()) + ", the merged ones removed " + describe(compaction.grace()) + " later");
        String name = "planwise actuals · " + source.description();
        if (until == null) {
            if (local) {
                out.println("runs until stopped (Ctrl-C); the next start resumes from the last checkpoint");
            }
            env.execute(name);
            return;
        }
        long target = source.readableRows();
        JobClient job = env.executeAsync(name);
        out.printf("job %s reading until the %,d events committed so far are in the marts%n", job.getJobID(), target);
        awaitCaughtUp(job, actuals, target);
        job.cancel().get();
        try {
            job.getJobExecutionResult().get();
        } catch (ExecutionException cancelled) {
            // cancelling is how it stops; the checkpoint is retained
        }
        // the job sweeps after its first checkpoint, but a stop right after that checkpoint can beat it
        Path newest = ActualsCheckpoints.latest(checkpoints).orElse(null);
        if (newest != null && newest.getParent().getFileName().toString().equals(job.getJobID().toString())) {
            housekeeping.afterFirstCheckpoint(job.getJobID().toString());
        }
        out.printf("caught up: %,d events in the marts; stopped, the next run resumes from %s%n",
                CommittedMartRows.count(actuals, ONE_ROW_PER_EVENT), ActualsCheckpoints.latest(checkpoints).orElse(checkpoints));
    }

    /** An explicit --restore, else the newest retained checkpoint, else none (refused if marts exist). */
    private static Path restorePoint(Options cl, Path actuals, Path checkpoints) {
        if (cl.get("restore") != null) {
            Path restore = Path.of(cl.get("restore")).toAbsolutePath();
            if (!Files.exists(restore)) {
                throw new UsageException("checkpoint " + restore + " does not exist");
            }
            return restore;
        }
        Path latest = ActualsCheckpoints.latest(checkpoints).orElse(null);
        if (latest == null && CommittedMartRows.anyCommitted(actuals, ActualsMarts.ALL)) {
            throw new IllegalStateException(actuals + " already holds actuals but " + checkpoints + " has no checkpoint to resume "
                    + "from; starting over would write every event again. Pass --restore CHECKPOINT, or delete " + actuals
                    + " to rebuild the actuals from the whole outbox");
        }
        return latest;
    }

    private static void awaitCaughtUp(JobClient job, Path actuals, long target) throws Exception {
        while (CommittedMartRows.count(actuals, ONE_ROW_PER_EVENT) < target) {
            JobStatus status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                job.getJobExecutionResult().get();
                throw new IllegalStateException("the actuals job ended (" + status + ") before it caught up");
            }
            Thread.sleep(200);
        }
    }

    static Duration duration(String text, String option) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException(option + " must be a positive duration like 500ms, 10s, 5m or 1h, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
