package io.planwise.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files hold a streaming mart's rows right now ({@link #current}), and the compaction record
 * that lets its many small committed files be merged without any reader that follows this rule
 * seeing a row twice, missing one, or losing a file in the middle of a scan.
 *
 * <p><b>Layout</b> of {@code <warehouse>/actuals/<mart>/}:
 * <pre>
 * part-&lt;uuid&gt;-&lt;n&gt;.parquet           committed by the streaming sink when a checkpoint completes; never changed
 * .part-&lt;uuid&gt;-&lt;n&gt;.inprogress.…      being written by the sink; never read
 * compacted-&lt;time&gt;-&lt;hex&gt;.parquet    a merge of earlier files; part of the mart only once the record names it
 * .compacting-&lt;hex&gt;.tmp             a merge being written; never read
 * _compactions.json                 the record: each compacted file, the files it replaces, when it was recorded
 * </pre>
 *
 * <p><b>The reader rule.</b> Read the record first, then list the directory once: the mart is the
 * listed {@code part-…} files and the listed compacted files the record names, minus every file the
 * record says is replaced; read exactly those files. Every reader of the product reads this way (the
 * query API, {@code planwise query}, the actuals command's progress); a plain {@code *.parquet}
 * glob counts the rows of a compaction twice for its grace period.
 *
 * <p><b>Compaction</b> (the writer side is {@code StreamingMartCompactor} of the mart sink) takes
 * committed files only and, in this order: writes the merge under a hidden name; renames it to
 * {@code compacted-…}; replaces the record atomically (temp file, fsync, rename) with the new
 * compaction added; and deletes a replaced file only once its compaction was recorded more than the
 * grace period ago, dropping it from the record after. Why every rule-following reader is safe:
 * <ul>
 *   <li>A reader that read the record before the new compaction was recorded ignores the compacted
 *       file (not named yet) and reads the small files, which stay for the grace period.</li>
 *   <li>A reader that read the record after finds the compacted file (renamed before it was
 *       recorded) and excludes the files it replaces.</li>
 *   <li>A scan of files listed just before a deletion finishes as long as it takes less than the
 *       grace period (the query API's queries time out long before).</li>
 * </ul>
 * A compaction that dies between steps leaves a hidden temp file or an unrecorded compacted file
 * (never read; the next compaction removes it once it is older than the grace period), or recorded
 * replaced files not yet deleted (excluded by the rule; deleted by the next compaction).
 */
public final class StreamingMartFiles {
    public static final String RECORD = "_compactions.json";
    public static final String COMPACTED_PREFIX = "compacted-";
    public static final String COMPACTING_PREFIX = ".compacting-";
    /** What the streaming sink commits: {@code part-<uuid>-<n>.parquet}. */
    private static final Pattern COMMITTED_PART = Pattern.compile("part-[A-Za-z0-9._-]{1,200}\\.parquet");
    private static final Pattern COMPACTED = Pattern.compile("compacted-[A-Za-z0-9._-]{1,200}\\.parquet");

    private StreamingMartFiles() {}

    /** One compaction: the file it wrote and the files whose rows that file holds. */
    public record Compaction(String file, List<String> replaces, Instant recordedAt) {
        public Compaction {
            replaces = List.copyOf(replaces);
        }
    }

    /** The record of a mart directory: every compaction whose replaced files are not all deleted yet, or whose file is current. */
    public record Compactions(List<Compaction> compactions) {
        public static final Compactions NONE = new Compactions(List.of());

        public Compactions {
            compactions = List.copyOf(compactions);
        }

        public Set<String> recordedFiles() {
            Set<String> files = new HashSet<>();
            compactions.forEach(c -> files.add(c.file()));
            return files;
        }

        public Set<String> replacedFiles() {
            Set<String> replaced = new HashSet<>();
            compactions.forEach(c -> replaced.addAll(c.replaces()));
            return replaced;
        }
    }

    /** The files that hold the mart's rows now, sorted by name; none when the directory does not exist. */
    public static List<Path> current(Path martDir) {
        Compactions record = record(martDir);
        Set<String> recorded = record.recordedFiles();
        Set<String> replaced = record.replacedFiles();
        List<Path> files = new ArrayList<>();
        for (Path f : list(martDir)) {
            String name = f.getFileName().toString();
            boolean candidate = isCommittedPart(name) || (isCompacted(name) && recorded.contains(name));
            if (candidate && !replaced.contains(name) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                files.add(f);
            }
        }
        files.sort(null);
        return files;
    }

    public static boolean isCommittedPart(String name) {
        return COMMITTED_PART.matcher(name).matches();
    }

    public static boolean isCompacted(String name) {
        return COMPACTED.matcher(name).matches();
    }

    /** A hidden file of an unfinished compaction step: a merge being written, or the record's temp file. */
    public static boolean isUnfinished(String name) {
        return name.startsWith(COMPACTING_PREFIX)
                || (name.startsWith(AtomicFiles.tempPrefix(RECORD)) && name.endsWith(AtomicFiles.TMP_SUFFIX));
    }

    /** The directory's entries (any kind), or none when it does not exist. */
    public static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException | NotDirectoryException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return entries;
    }

    /** The compaction record, or {@link Compactions#NONE} when the mart was never compacted. */
    public static Compactions record(Path martDir) {
        Path file = martDir.resolve(RECORD);
        try {
            return WarehouseJson.MAPPER.readValue(Files.readAllBytes(file), Compactions.class);
        } catch (NoSuchFileException | NotDirectoryException none) {
            return Compactions.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compaction record " + file, e);
        }
    }

    /** Replaces the record atomically (temp file, fsync, rename). */
    public static void write(Path martDir, Compactions record) {
        try {
            AtomicFiles.replace(martDir.resolve(RECORD), WarehouseJson.MAPPER.writeValueAsBytes(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compaction record in " + martDir, e);
        }
    }
}
