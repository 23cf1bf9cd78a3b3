package io.planwise.actuals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * The checkpoint settings of the actuals job and where its last checkpoint is.
 *
 * <p>Exactly-once checkpoints every {@code interval} into {@code <directory>/<job id>/chk-<n>/},
 * retained when the job is cancelled or dies (a killed process leaves its last one behind too).
 * A new job started with {@code execution.state-recovery.path} set to such a checkpoint continues
 * exactly where it ended: the outbox position, every employee's standing and the files not yet
 * committed all come from it.
 */
public final class ActualsCheckpoints {
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

    private ActualsCheckpoints() {}

    /** @param restoreFrom a retained checkpoint or savepoint to start from, or null to start fresh */
    public static Configuration configuration(Duration interval, Path directory, Path restoreFrom) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toAbsolutePath().toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 1);
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toAbsolutePath().toString());
        }
        return conf;
    }

    /** The most recent completed checkpoint below directory (any job), if there is one. */
    public static Optional<Path> latest(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(directory)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(ActualsCheckpoints::completed)
                    .max(Comparator.comparing(ActualsCheckpoints::completedAt).thenComparing(ActualsCheckpoints::number));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + directory, e);
        }
    }

    /** When the newest completed checkpoint of one job's directory completed (0 if none did). */
    static long newestCompletedAt(Path jobDirectory) {
        return completed(jobDirectory).mapToLong(ActualsCheckpoints::completedAt).max().orElse(0);
    }

    private static Stream<Path> completed(Path jobDirectory) {
        try (Stream<Path> children = Files.list(jobDirectory)) {
            return children.filter(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + jobDirectory, e);
        }
    }

    private static long completedAt(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path checkpoint) {
        Matcher m = CHECKPOINT.matcher(checkpoint.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
