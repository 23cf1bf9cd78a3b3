package io.planwise.warehouse;

import io.planwise.warehouse.contract.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code _run.json} on disk: the {@link RunRecord} of a run (config, input fingerprints, counts, checks,
 * outcome). It is replaced atomically like a manifest so that a reader never sees half a record, but it
 * is not what publishes a run; see {@link ManifestStore}.
 */
public final class RunRecordFile {

    private RunRecordFile() {}

    /**
     * Writes {@code record} as pretty-printed JSON to {@code <runDir>/_run.json}, replacing any previous
     * record; creates the run directory if needed.
     *
     * @throws UncheckedIOException if it cannot be written; a previous record is then left in place
     */
    public static void write(Path runDir, RunRecord record) {
        try {
            byte[] json = WarehouseJson.MAPPER.writeValueAsBytes(record);
            Files.createDirectories(runDir);
            AtomicFiles.replace(runDir.resolve(WarehouseLayout.RUN_RECORD), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the run record in " + runDir + ".", e);
        }
    }

    /**
     * Reads {@code <runDir>/_run.json}.
     *
     * @throws UncheckedIOException if it is missing or not a run record
     */
    public static RunRecord read(Path runDir) {
        Path path = runDir.resolve(WarehouseLayout.RUN_RECORD);
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length == 0) {
                throw new IOException("The file is empty.");
            }
            return WarehouseJson.MAPPER.readValue(bytes, RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the run record " + path + ".", e);
        }
    }
}
