package io.planwise.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and publishes the manifests in {@code current/}: the single point at which a run becomes
 * visible to readers.
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/&lt;run_id&gt;/&lt;mart&gt;/simulation_year=&lt;Y&gt;/part-*.parquet
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/&lt;run_id&gt;/_run.json    config, fingerprints, counts, checks, timings
 * &lt;root&gt;/current/&lt;scenario_id&gt;.json               the manifest ({@link RunManifest})
 * </pre>
 *
 * <p>{@code runs/} is private working space: it holds the run being written, runs that failed,
 * runs whose invariant checks failed, and older runs waiting for {@link RunRetention}. {@code current/}
 * is the public face: one small JSON file per scenario naming one run and, per mart, the exact list
 * of its files with their row counts and the mart's schema.
 *
 * <h2>Lifecycle of a run</h2>
 *
 * <ol>
 *   <li><b>Write.</b> The job picks a fresh id ({@link RunIds#next}) and writes only inside
 *       {@code runs/<scenario>/<run>/}, which no other run touches. Flink's FileSink keeps each file
 *       hidden ({@code .part-…inprogress…}) until its checkpoint commits it, and never overwrites a
 *       file; a rerun is a new run directory, never an append to an old one. {@link RunRecordFile}
 *       writes {@code _run.json} into the same directory.
 *   <li><b>Check.</b> After every sink has committed, the job runs its invariant checks. If any fails,
 *       it stops here: the run stays an orphan in {@code runs/} and nothing visible changes.
 *   <li><b>Publish</b> ({@link #publish}). The manifest is validated (the run directory and every
 *       listed file exist and lie inside that run directory, row counts add up), serialised to a
 *       hidden temp file <em>in {@code current/} itself</em> ({@code .<scenario>.<random>.tmp}), the
 *       temp file is fsynced, renamed over {@code current/<scenario>.json} with
 *       {@link java.nio.file.StandardCopyOption#ATOMIC_MOVE} (rename(2), which replaces the old
 *       manifest in one step on POSIX), and finally {@code current/} itself is fsynced so the rename
 *       survives a power loss. Publishing happens inside the Flink job, so a detached submission
 *       publishes without a client waiting for it.
 *   <li><b>Retire.</b> {@link RunRetention} later deletes run directories beyond the newest five of a
 *       scenario, never the run the current manifest names and never one younger than an hour.
 * </ol>
 *
 * <h2>What readers may rely on</h2>
 *
 * <ul>
 *   <li>{@code current/<scenario>.json} is always either the complete old manifest or the complete
 *       new one, never a mix, a truncated file or a missing file (once a first run was published).
 *       Temp files start with '.' and end in {@code .tmp}, so listing {@code current/*.json} never
 *       sees one.
 *   <li>Every file a manifest lists was committed before the manifest was written, is immutable,
 *       and holds the row count the manifest states.
 *   <li>A manifest is a consistent snapshot across all marts of one run. Read it <em>once</em> per
 *       query and take every mart's files from that one object; reading the manifest again between
 *       marts can straddle a publish.
 *   <li>The files of a replaced run survive at least until five newer runs exist and an hour has
 *       passed. A reader holding a manifest longer than that must expect {@link NoSuchFileException}
 *       and re-read the manifest.
 * </ul>
 *
 * <p><b>Readers must read the files a manifest lists and never glob {@code runs/}.</b> A glob sees the
 * run currently being written (its set of files grows with each checkpoint), failed runs, runs that
 * did not pass their checks, several runs at once, and directories that retention is deleting. The
 * manifest's file list is the commit: a file is part of the published data because the manifest
 * names it, not because it exists. (Streaming marts have no manifest; there the glob over finished
 * {@code *.parquet} files is the contract, see the architecture notes.)
 *
 * <h2>What a crash leaves behind</h2>
 *
 * <ul>
 *   <li><em>While writing the run:</em> a partial run directory (possibly with hidden in-progress
 *       files) that no manifest names; readers keep seeing the previous run; retention removes it.
 *   <li><em>While writing or fsyncing the temp manifest:</em> a hidden, possibly incomplete
 *       {@code current/.<scenario>.*.tmp}; the old manifest is untouched. Retention removes temp files
 *       older than its minimum age.
 *   <li><em>After the fsync, before the rename:</em> the same, with a complete temp file; the run is
 *       simply not published and can be published again or rerun.
 *   <li><em>After the rename, before the directory fsync:</em> after a power loss the directory shows
 *       either the old or the new manifest, both complete, because the new file's data was durable
 *       before its name was. Without a power loss the new manifest is already visible.
 *   <li><em>After the directory fsync:</em> published and durable.
 * </ul>
 *
 * <p>Concurrent publishes of the same scenario each use their own temp file; the last rename wins and
 * readers see one of the complete manifests. The protocol needs a file system with atomic rename
 * within a directory (local disks, NFS); object stores without one are not supported.
 */
public final class ManifestStore {

    private final WarehouseLayout layout;

    /** @param layout the warehouse to read and publish in */
    public ManifestStore(WarehouseLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("The warehouse layout must not be null.");
        }
        this.layout = layout;
    }

    /** The layout this store works in. */
    public WarehouseLayout layout() {
        return layout;
    }

    /**
     * The published manifest of a scenario, or empty if none was ever published.
     *
     * @throws UncheckedIOException if the manifest exists but cannot be read or parsed
     * @throws IllegalStateException if the manifest names a different scenario than its file name
     */
    public Optional<RunManifest> current(String scenarioId) {
        Path path = layout.manifestPath(scenarioId);
        byte[] bytes;
        try {
            // One read of the whole file: the rename swaps inodes, so an open file never changes under us.
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest " + path + ".", e);
        }
        RunManifest manifest;
        try {
            manifest = WarehouseJson.MAPPER.readValue(bytes, RunManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The manifest " + path + " is not a valid manifest.", e);
        }
        if (!manifest.scenarioId().equals(scenarioId)) {
            throw new IllegalStateException("The manifest " + path + " belongs to scenario '"
                    + manifest.scenarioId() + "', not '" + scenarioId + "'.");
        }
        return Optional.of(manifest);
    }

    /** Sorted ids of every scenario with a published manifest. */
    public List<String> scenarios() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.currentDir(), "*" + WarehouseLayout.MANIFEST_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - WarehouseLayout.MANIFEST_SUFFIX.length());
                // Temp files never match *.json; this also skips stray files that are not ours.
                if (WarehouseLayout.isValidId(id) && Files.isRegularFile(file)) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + layout.currentDir() + ".", e);
        }
        Collections.sort(ids);
        return List.copyOf(ids);
    }

    /**
     * Atomically makes {@code manifest} the current manifest of its scenario; see the class comment.
     *
     * @throws IllegalStateException if the run directory or a listed file is missing, a file lies
     *     outside the run directory, {@code run_dir} is not the run's directory, or a mart's row count
     *     is not the sum of its files' row counts; nothing is changed then
     * @throws UncheckedIOException if writing fails; the previous manifest is then still in place
     */
    public void publish(RunManifest manifest) {
        validate(manifest);
        byte[] json;
        try {
            json = WarehouseJson.MAPPER.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise the manifest of run '" + manifest.runId() + "'.", e);
        }
        Path current = layout.currentDir();
        try {
            if (!Files.isDirectory(current)) {
                Files.createDirectories(current);
                // Make the new directory entry itself durable, or the manifest could vanish with it.
                AtomicFiles.fsyncDirectory(layout.root());
            }
            AtomicFiles.replace(layout.manifestPath(manifest.scenarioId()), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not publish run '" + manifest.runId() + "' of scenario '"
                    + manifest.scenarioId() + "'.", e);
        }
    }

    private void validate(RunManifest m) {
        Path runDir = layout.runDir(m.scenarioId(), m.runId());
        String expectedRunDir = WarehouseLayout.relativeRunDir(m.scenarioId(), m.runId());
        if (!expectedRunDir.equals(m.runDir())) {
            throw new IllegalStateException("The manifest of run '" + m.runId() + "' says run_dir '" + m.runDir()
                    + "', but that run's directory is '" + expectedRunDir + "'.");
        }
        if (!Files.isDirectory(runDir)) {
            throw new IllegalStateException("Refusing to publish run '" + m.runId() + "' of scenario '"
                    + m.scenarioId() + "': its run directory " + runDir + " does not exist.");
        }
        for (Map.Entry<String, MartEntry> mart : m.marts().entrySet()) {
            long sum = 0;
            for (MartFile file : mart.getValue().files()) {
                Path path;
                try {
                    path = layout.resolve(file.path());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Refusing to publish run '" + m.runId() + "': mart '"
                            + mart.getKey() + "' lists an unusable path. " + e.getMessage(), e);
                }
                // A manifest publishes one run; a file from another run could be deleted by retention.
                if (!path.startsWith(runDir)) {
                    throw new IllegalStateException("Refusing to publish run '" + m.runId() + "': mart '"
                            + mart.getKey() + "' lists " + file.path() + ", which is outside the run directory "
                            + expectedRunDir + ".");
                }
                if (!Files.isRegularFile(path)) {
                    throw new IllegalStateException("Refusing to publish run '" + m.runId() + "': mart '"
                            + mart.getKey() + "' lists " + file.path() + ", which does not exist.");
                }
                sum += file.rowCount();
            }
            if (sum != mart.getValue().rowCount()) {
                throw new IllegalStateException("Refusing to publish run '" + m.runId() + "': mart '"
                        + mart.getKey() + "' says " + mart.getValue().rowCount()
                        + " rows, but its files add up to " + sum + ".");
            }
        }
    }
}
