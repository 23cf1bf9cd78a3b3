package io.planwise.model.config;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a configuration's values came from, so a validation error can name the file and the
 * line of the offending key. Keys changed by command-line overrides lose their line: the file no
 * longer holds the value being checked.
 */
record ConfigOrigin(String source, Map<String, Integer> lines) implements Serializable {
    private static final String OVERRIDDEN = " (with command-line overrides)";

    ConfigOrigin {
        lines = Map.copyOf(lines);
    }

    static ConfigOrigin builtIn() {
        return new ConfigOrigin("built-in defaults", Map.of());
    }

    int line(String keyPath) {
        return lines.getOrDefault(keyPath, 0);
    }

    ConfigOrigin overriding(String... keyPaths) {
        Map<String, Integer> kept = new HashMap<>(lines);
        for (String keyPath : keyPaths) {
            kept.remove(keyPath);
        }
        return new ConfigOrigin(source.endsWith(OVERRIDDEN) ? source : source + OVERRIDDEN, kept);
    }

    ConfigException error(String keyPath, String problem) {
        return new ConfigException(source, keyPath, line(keyPath), problem);
    }
}
