package io.planwise.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Write-temp, fsync, rename, fsync-directory: the one way this module replaces a file. */
final class AtomicFiles {

    static final String TMP_SUFFIX = ".tmp";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * The hidden temp-file prefix used for {@code target}: {@code s1.json} gets {@code .s1.}. Scenario
     * ids cannot contain '.', so the prefix tells retention exactly which scenario a stale temp file
     * belonged to.
     */
    static String tempPrefix(String targetFileName) {
        String stem = targetFileName.endsWith(WarehouseLayout.MANIFEST_SUFFIX)
                ? targetFileName.substring(0, targetFileName.length() - WarehouseLayout.MANIFEST_SUFFIX.length())
                : targetFileName;
        return "." + stem + ".";
    }

    static void replace(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        // Same directory as the target, so the rename never crosses a file system and stays atomic;
        // the leading '.' and the .tmp suffix keep it out of every *.json listing.
        Path tmp = dir.resolve(tempPrefix(target.getFileName().toString())
                + HexFormat.of().formatHex(random) + TMP_SUFFIX);
        boolean moved = false;
        try {
            // Not Files.createTempFile: its 0600 permissions would hide the manifest from other users.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                // The data must be durable before the rename is, or a power loss could leave the
                // new name pointing at an empty file.
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        fsyncDirectory(dir);
    }

    /** Makes a rename or create in {@code dir} durable; a no-op where directories cannot be opened. */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows and some file systems cannot open or sync a directory; the rename is still atomic.
        }
    }
}
