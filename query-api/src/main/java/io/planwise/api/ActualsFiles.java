package io.planwise.api;

import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.contract.ActualsMarts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed files of the streaming actuals mart {@code fct_workforce_actual_monthly}
 * ({@link ActualsMarts#MONTHLY}), in {@code <warehouse>/actuals/fct_workforce_actual_monthly/}.  The
 * streaming job writes them without a manifest: a file appears there, under its final name, when the
 * checkpoint that wrote it completes, and is never changed afterwards (a compaction merges files
 * into a new one and records which it replaces); rows still in flight sit in hidden
 * {@code .part-…inprogress…} files.
 *
 * <p>A request takes the mart's current files once ({@link #snapshot()}: the reader rule of
 * {@link StreamingMartFiles}, committed and compacted files, no hidden or replaced ones, no links,
 * sorted by name) and reads exactly those, so its answer and its validators describe the same state.
 */
final class ActualsFiles {

    static final String MART = ActualsMarts.MONTHLY.name();

    private static final Logger LOG = LoggerFactory.getLogger(ActualsFiles.class);

    private final Path dir;

    ActualsFiles(Path warehouseRoot) {
        this.dir = warehouseRoot.resolve(ActualsMarts.DIRECTORY).resolve(MART);
    }

    /** The directory DuckDB must be allowed to read; it need not exist. */
    Path dir() {
        return dir;
    }

    /**
     * The committed files right now; none when the job has not committed any yet (or never ran).
     *
     * @throws ApiError 503 if the directory exists but cannot be listed
     */
    Snapshot snapshot() {
        List<CommittedFile> files = new ArrayList<>();
        try {
            for (Path p : StreamingMartFiles.current(dir)) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // replaced and deleted since the listing (only after the compaction grace period)
                }
                files.add(new CommittedFile(p, a.size(), a.lastModifiedTime().toInstant()));
            }
        } catch (UncheckedIOException | IOException e) {
            LOG.warn("The actuals directory {} cannot be listed: {}", dir, e.toString());
            throw ApiError.unavailable("The actuals cannot be read right now; try again.");
        }
        return new Snapshot(List.copyOf(files));
    }

    record CommittedFile(Path path, long size, Instant modified) {}

    /** What one request reads of the actuals. */
    record Snapshot(List<CommittedFile> files) {

        /**
         * A short hash of every file's name, size and modification time: changes with every commit
         * (and with a rebuild of the actuals), the same as long as nothing was committed.
         */
        String state() {
            StringBuilder text = new StringBuilder();
            for (CommittedFile f : files) {
                text.append(f.path().getFileName()).append(' ').append(f.size()).append(' ')
                        .append(f.modified().toEpochMilli()).append('\n');
            }
            return HexFormat.of().formatHex(ApiKeys.sha256(text.toString())).substring(0, 16);
        }

        /** The newest file's modification time, or the epoch when there is none. */
        Instant newest() {
            return files.stream().map(CommittedFile::modified).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        }
    }
}
