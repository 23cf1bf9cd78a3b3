package io.planwise.model.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists the keys of a configuration that v1 does not read, compactly: a mapping none of whose
 * keys is used is reported once as {@code path.*} (PlanWise configs carry whole sections such as
 * {@code enrollment} or {@code employer_match} that would otherwise produce hundreds of entries);
 * inside the sections v1 reads, each unused key is named on its own.
 */
final class UnusedKeys {
    private UnusedKeys() {
    }

    static List<String> of(YamlNode.Mapping root) {
        List<String> unused = new ArrayList<>();
        collect(root, "", unused);
        return List.copyOf(unused);
    }

    private static void collect(YamlNode.Mapping mapping, String prefix, List<String> unused) {
        for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
            String path = prefix + entry.getKey();
            YamlNode value = entry.getValue();
            if (ConfigKeys.VALUES.contains(path)) {
                continue;
            }
            if (ConfigKeys.SECTIONS.contains(path)) {
                // The reader has already rejected a section that is not a mapping.
                if (value instanceof YamlNode.Mapping section) {
                    collect(section, path + ".", unused);
                }
                continue;
            }
            boolean wholeSection = value instanceof YamlNode.Mapping section && !section.entries().isEmpty();
            unused.add(wholeSection ? path + ".*" : path);
        }
    }
}
