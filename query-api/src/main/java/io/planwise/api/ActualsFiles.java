package io.planwise.api;

import io.planwise.warehouse.contract.ActualsMarts;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed files of the streaming actuals mart {@code fct_workforce_actual_monthly}
 * ({@link ActualsMarts#MONTHLY}), in {@code <warehouse>/actuals/fct_workforce_actual_monthly/}. The
 * streaming job writes them without a manifest: a file appears there, under its final name, when the
 * checkpoint that wrote it completes, and is never changed afterwards; rows still in flight sit in
 * hidden {@code .part-…inprogress…} files.
 *
 * <p>A request lists the directory once ({@link #snapshot()}) and reads exactly the files listed, so its
 * answer and its validators describe the same state: committed files only (plain files named
 * {@code *.parquet}, not hidden, no links), sorted by name.
 */
final class ActualsFiles {

    static final String MART = ActualsMarts.MONTHLY.name();

    private static final Logger LOG = LoggerFactory.getLogger(ActualsFiles.class);
    /** The names the job commits ({@code part-<uuid>-<n>.parquet}); anything else is not read. */
    private static final Pattern COMMITTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}\\.parquet");

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
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!COMMITTED.matcher(name).matches()) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (a.isRegularFile()) {
                    files.add(new CommittedFile(p, a.size(), a.lastModifiedTime().toInstant()));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException none) {
            return new Snapshot(List.of());
        } catch (IOException e) {
            LOG.warn("The actuals directory {} cannot be listed: {}", dir, e.toString());
            throw ApiError.unavailable("The actuals cannot be read right now; try again.");
        }
        files.sort(Comparator.comparing(f -> f.path().getFileName().toString()));
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
