package io.planwise.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code _run.json}: the record of what a run was (config, input fingerprints, counts, checks, timings).
 * It is replaced atomically like a manifest so that a reader never sees half a record, but it is not
 * what publishes a run; see {@link ManifestStore}.
 */
public final class RunRecordFile {

    private RunRecordFile() {}

    /**
     * Writes {@code record} as pretty-printed JSON to {@code <runDir>/_run.json}, replacing any previous
     * record; creates the run directory if needed.
     *
     * @throws UncheckedIOException if it cannot be written; a previous record is then left in place
     */
    public static void write(Path runDir, Object record) {
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
     * @throws UncheckedIOException if it is missing or not JSON
     */
    public static JsonNode read(Path runDir) {
        Path path = runDir.resolve(WarehouseLayout.RUN_RECORD);
        try {
            JsonNode node = WarehouseJson.MAPPER.readTree(Files.readAllBytes(path));
            // Jackson answers an empty file with a "missing" node instead of an error.
            if (node == null || node.isMissingNode()) {
                throw new IOException("The file is empty.");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the run record " + path + ".", e);
        }
    }
}
