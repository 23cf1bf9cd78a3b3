package io.planwise.model.assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds each seed file: in the user's directory when it holds a file of that name, else among the
 * defaults bundled with this module. Remembers the SHA-256 of the bytes it actually read, so a run
 * record can prove which assumptions produced it.
 */
final class AssumptionSource {
    private static final String BUNDLED = "/io/planwise/assumptions/default/";

    private final Path dir;
    private final Map<String, String> fingerprints = new TreeMap<>();
    private final Map<String, String> origins = new TreeMap<>();

    AssumptionSource(Path dirOrNull) {
        this.dir = dirOrNull;
        if (dir == null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new AssumptionsException(dir.toString(), 0, null, "is not a directory");
        }
        // A directory with none of the files is almost certainly the wrong directory.
        if (Arrays.stream(AssumptionFile.values()).noneMatch(f -> Files.isRegularFile(dir.resolve(f.fileName)))) {
            throw new AssumptionsException(dir.toString(), 0, null, "holds none of the assumption files ("
                    + Arrays.stream(AssumptionFile.values()).map(f -> f.fileName).collect(Collectors.joining(", ")) + ")");
        }
    }

    CsvTable table(AssumptionFile file) {
        Path userFile = dir == null ? null : dir.resolve(file.fileName);
        boolean fromUser = userFile != null && Files.isRegularFile(userFile);
        String label = fromUser ? userFile.toString() : "bundled " + file.fileName;
        byte[] bytes;
        try {
            bytes = fromUser ? Files.readAllBytes(userFile) : bundled(file.fileName);
        } catch (IOException e) {
            throw new AssumptionsException(label, 0, null, "cannot be read: " + e, e);
        }
        fingerprints.put(file.fileName, sha256(bytes));
        origins.put(file.fileName, fromUser ? userFile.toAbsolutePath().toString() : "bundled");
        return CsvTable.parse(utf8(bytes, label), label, file.columns);
    }

    Map<String, String> fingerprints() {
        return Map.copyOf(fingerprints);
    }

    Map<String, String> origins() {
        return Map.copyOf(origins);
    }

    private static byte[] bundled(String fileName) throws IOException {
        try (InputStream in = AssumptionSource.class.getResourceAsStream(BUNDLED + fileName)) {
            if (in == null) {
                throw new IOException("resource " + BUNDLED + fileName + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static String utf8(byte[] bytes, String label) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssumptionsException(label, 0, null, "is not UTF-8 text", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
