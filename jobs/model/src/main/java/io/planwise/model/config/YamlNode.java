package io.planwise.model.config;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers its line, so configuration errors can point at it. Scalars
 * keep their text exactly as written: rates are turned into exact decimals from that text, never
 * through a double.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** 1-based line where the value starts. */
    int line();

    /** What the YAML resolver made of a scalar; quoted and plain text are both {@code TEXT}. */
    enum ScalarKind { TEXT, NUMBER, BOOLEAN, NULL }

    record Scalar(String text, ScalarKind kind, int line) implements YamlNode {
        boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    /** Entries in document order, and the line of each key (a mapping value may start lines later). */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        static Mapping empty(int line) {
            return new Mapping(Map.of(), Map.of(), line);
        }

        YamlNode get(String key) {
            return entries.get(key);
        }

        /** The 1-based line of {@code key}, or 0 when unknown. */
        int keyLine(String key) {
            return keyLines.getOrDefault(key, 0);
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    /** How a value is named in messages about a wrong type. */
    static String describeKind(YamlNode node) {
        if (node instanceof Mapping) {
            return "a mapping";
        }
        if (node instanceof Sequence) {
            return "a list";
        }
        return "'" + ((Scalar) node).text() + "'";
    }
}
