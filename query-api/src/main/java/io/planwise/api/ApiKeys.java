package io.planwise.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys from the key file: each key's SHA-256, a name, and the scenarios it may read.
 *
 * <pre>
 * keys:
 *   - name: finance
 *     sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
 *     scenarios: [baseline, growth_5pct]
 *   - name: planning-admin
 *     sha256: fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9
 *     scenarios: ["*"]
 * </pre>
 *
 * <p>Only hashes are stored, so the file can be read by operators and kept in version control without
 * handing out keys ({@code printf %s "$KEY" | sha256sum} makes an entry). The file is parsed strictly:
 * an unknown field, a malformed hash, a duplicate hash or an invalid scenario id stops the server,
 * because a typo in an access list should fail loudly rather than grant or deny silently.
 */
final class ApiKeys {

    /** Longer presented keys are refused before hashing; real keys are far shorter. */
    static final int MAX_KEY_LENGTH = 512;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a key file (YAML; JSON is YAML too).
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    static ApiKeys load(Path file) {
        KeyFile parsed;
        try {
            parsed = YAML.readValue(Files.readAllBytes(file), KeyFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The key file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (parsed == null || parsed.keys() == null || parsed.keys().isEmpty()) {
            throw new IllegalArgumentException("The key file " + file + " lists no keys (expected 'keys: [...]').");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < parsed.keys().size(); i++) {
            KeyEntry k = parsed.keys().get(i);
            String where = "The key file " + file + ", entry " + (i + 1);
            if (k.name() == null || k.name().isBlank()) {
                throw new IllegalArgumentException(where + " has no name.");
            }
            String hash = k.sha256() == null ? "" : k.sha256().trim().toLowerCase(Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + " ('" + k.name() + "'): sha256 must be 64 hex digits.");
            }
            if (!hashes.add(hash)) {
                throw new IllegalArgumentException(where + " ('" + k.name() + "') repeats the hash of an earlier key.");
            }
            if (k.scenarios() == null || k.scenarios().isEmpty()) {
                throw new IllegalArgumentException(where + " ('" + k.name() + "') lists no scenarios"
                        + " (use [\"*\"] for all).");
            }
            boolean every = k.scenarios().contains("*");
            for (String s : k.scenarios()) {
                if (!"*".equals(s) && !WarehouseLayout.isValidId(s)) {
                    throw new IllegalArgumentException(where + " ('" + k.name() + "'): '" + s
                            + "' is not a scenario id.");
                }
            }
            Set<String> scenarios = new HashSet<>(k.scenarios());
            scenarios.remove("*");
            entries.add(new Entry(HexFormat.of().parseHex(hash), new Caller(k.name(), scenarios, every)));
        }
        return new ApiKeys(entries);
    }

    /** The caller a presented key belongs to, or empty for a missing, oversized or unknown key. */
    Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = sha256(presentedKey);
        Caller found = null;
        // Compare against every entry in constant time, so response time says nothing about the hashes.
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash(), hash)) {
                found = e.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /** The hex SHA-256 of a key, as it goes into the key file. */
    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private record Entry(byte[] hash, Caller caller) {}

    record KeyFile(@JsonProperty("keys") List<KeyEntry> keys) {
        @JsonCreator
        KeyFile {}
    }

    record KeyEntry(@JsonProperty("name") String name, @JsonProperty("sha256") String sha256,
            @JsonProperty("scenarios") List<String> scenarios) {
        @JsonCreator
        KeyEntry {}
    }
}
