package io.planwise.connector.mart;

import io.planwise.warehouse.StreamingMartFiles;
import io.planwise.warehouse.StreamingMartFiles.Compaction;
import io.planwise.warehouse.StreamingMartFiles.Compactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Merges a streaming mart's small committed files into one: the writer side of the rule in
 * {@link StreamingMartFiles} (which says why no rule-following reader sees a row twice, misses one,
 * or loses a file mid-scan). A round, in order: deletes the files of compactions recorded more than
 * {@code grace} ago and drops them from the record; removes debris of dead rounds older than
 * {@code grace}; then, if at least two current files are smaller than {@link #LARGE_FILE_BYTES},
 * merges them (row groups copied as they are, no decoding) under a hidden name, renames the merge to
 * {@code compacted-…}, and records it with the files it replaces.
 *
 * <p><b>Exactly once.</b> Only committed files are merged (the sink's final names, or earlier
 * merges), never in-progress ones. A committed file's checkpoint has completed, so the job never
 * restores to a point before it (the actuals command resumes from the newest checkpoint); if it
 * restores to that very checkpoint, the sink's committer finds neither the temporary nor the final
 * file of an already merged one and, as Flink's committers do for a file already committed, leaves
 * it. The merged file holds exactly the rows of the files it replaces.
 *
 * <p>Row groups keep the size they were written with: a merged file is one file to open instead of
 * hundreds, not a re-encoded one. Files of a different Parquet schema (written by another version)
 * are merged only with files of their own schema.
 */
public final class StreamingMartCompactor {
    /** A current file at least this big is left alone: merging it again would only copy it. */
    public static final long LARGE_FILE_BYTES = 64L << 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration grace;

    /** @param grace how long replaced files stay after their compaction is recorded (longer than any reader's scan) */
    public StreamingMartCompactor(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period cannot be negative, got " + grace);
        }
        this.grace = grace;
    }

    /** What one round did. */
    public record Outcome(int merged, int deleted, String file) {
        public static final Outcome NOTHING = new Outcome(0, 0, null);
    }

    /** One round over a mart directory, at {@code now}. */
    public Outcome compact(Path martDir, Instant now) {
        if (!Files.isDirectory(martDir)) {
            return Outcome.NOTHING;
        }
        Instant due = now.minus(grace);
        List<Compaction> kept = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        Compactions before = StreamingMartFiles.record(martDir);
        for (Compaction c : before.compactions()) {
            if (!c.replaces().isEmpty() && !c.recordedAt().isAfter(due)) {
                c.replaces().forEach(name -> {
                    delete(martDir.resolve(name));
                    deleted.add(name);
                });
                kept.add(new Compaction(c.file(), List.of(), c.recordedAt()));
            } else {
                kept.add(c);
            }
        }
        // A compacted file that a later compaction replaced and that is now deleted needs no entry.
        kept.removeIf(c -> deleted.contains(c.file()));
        removeDebris(martDir, new Compactions(kept).recordedFiles(), due);
        if (!deleted.isEmpty()) {
            StreamingMartFiles.write(martDir, new Compactions(kept));
        }

        Map<MessageType, List<Path>> small = new LinkedHashMap<>();
        for (Path f : StreamingMartFiles.current(martDir)) {
            if (size(f) < LARGE_FILE_BYTES) {
                small.computeIfAbsent(schema(f), s -> new ArrayList<>()).add(f);
            }
        }
        Outcome outcome = new Outcome(0, deleted.size(), null);
        for (Map.Entry<MessageType, List<Path>> group : small.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            String file = merge(martDir, group.getKey(), group.getValue(), now);
            kept.add(new Compaction(file, group.getValue().stream().map(f -> f.getFileName().toString()).toList(), now));
            StreamingMartFiles.write(martDir, new Compactions(kept));
            outcome = new Outcome(outcome.merged() + group.getValue().size(), outcome.deleted(), file);
        }
        return outcome;
    }

    private static String merge(Path martDir, MessageType schema, List<Path> files, Instant now) {
        String hex = hex();
        Path tmp = martDir.resolve(StreamingMartFiles.COMPACTING_PREFIX + hex + ".tmp");
        String name = StreamingMartFiles.COMPACTED_PREFIX + STAMP.format(now) + "-" + hex + ".parquet";
        try {
            ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(tmp), schema, ParquetFileWriter.Mode.CREATE,
                    MartParquetWriter.ROW_GROUP_BYTES, 0);
            writer.start();
            for (Path f : files) {
                writer.appendFile(new LocalInputFile(f));
            }
            writer.end(Map.of());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true); // durable before it can be named, or a power loss could name an empty file
            }
            Files.move(tmp, martDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            delete(tmp);
            throw new UncheckedIOException("cannot merge " + files.size() + " files of " + martDir, e);
        }
    }

    /** Hidden merges and record temp files of dead rounds, and merges that were never recorded, once older than the grace period. */
    private static void removeDebris(Path martDir, Set<String> recorded, Instant due) {
        for (Path f : StreamingMartFiles.list(martDir)) {
            String name = f.getFileName().toString();
            boolean debris = StreamingMartFiles.isUnfinished(name)
                    || (StreamingMartFiles.isCompacted(name) && !recorded.contains(name));
            if (debris && lastModified(f).isBefore(due)) {
                delete(f);
            }
        }
    }

    private static MessageType schema(Path f) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
            return reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + f, e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (NoSuchFileException gone) {
            return Instant.MAX;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + f, e);
        }
    }

    private static String hex() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
