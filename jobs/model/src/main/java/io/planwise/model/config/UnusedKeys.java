package io.planwise.model.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the keys of a configuration that v1 does not read, compactly: a mapping none of whose
 * keys is used is reported once as {@code path.*} (PlanWise configs carry whole sections such as
 * {@code enrollment} or {@code employer_match} that would otherwise produce hundreds of entries);
 * inside the sections v1 reads, each unused key is named on its own.
 *
 * <p>An unused name that is a likely typo of a known one is an error instead, because the key
 * the user meant would silently keep its default: {@code simulaton:} would run the default
 * years. "Likely typo" = within {@link #TYPO_DISTANCE} edits ({@link EditDistance}) of a key or
 * section known at the same level, or of a top-level section (a section indented under another).
 */
final class UnusedKeys {
    /**
     * Two edits, with no exemption list and no minimum name length. Every known name has at least
     * 5 characters, so a name within 2 edits shares most of its letters with it. PlanWise's own
     * configs carry many keys v1 ignores, but the nearest of them to a known name, in every YAML
     * file of ../shared/planwise_data (config and fixtures), is 4 edits away
     * ({@code compensation.promotion_compensation.distribution_type} vs {@code distribution_range});
     * the next is {@code setup.plan_year_start_date} vs {@code plan_year_end_date} at 5. So today no
     * real key needs an exemption, and a stricter rule would only let typos through.
     * ScenarioConfigCompatibilityTest loads every one of those files and fails if PlanWise adds a
     * key that comes closer (say {@code min_cap_pct} next to {@code max_cap_pct}); such a key should
     * then be exempted by its exact dotted path, not by loosening the rule for everyone.
     */
    static final int TYPO_DISTANCE = 2;

    private UnusedKeys() {
    }

    static List<String> of(YamlNode.Mapping root, String source) {
        List<String> unused = new ArrayList<>();
        collect(root, "", source, unused);
        return List.copyOf(unused);
    }

    private static void collect(YamlNode.Mapping mapping, String section, String source, List<String> unused) {
        String prefix = section.isEmpty() ? "" : section + ".";
        for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
            String path = prefix + entry.getKey();
            YamlNode value = entry.getValue();
            if (ScenarioKey.isKey(path)) {
                continue;
            }
            if (ScenarioKey.isSection(path)) {
                // The reader has already rejected a section that is not a mapping.
                if (value instanceof YamlNode.Mapping inner) {
                    collect(inner, path, source, unused);
                }
                continue;
            }
            String meant = likelyMeant(section, entry.getKey());
            if (meant != null) {
                throw ConfigException.didYouMean(source, path, mapping.keyLine(entry.getKey()), meant);
            }
            boolean wholeSection = value instanceof YamlNode.Mapping inner && !inner.entries().isEmpty();
            unused.add(wholeSection ? path + ".*" : path);
        }
    }

    /** The dotted path of the nearest known name within typo distance, or null; ties go to the same level. */
    private static String likelyMeant(String section, String name) {
        Set<String> candidates = new LinkedHashSet<>(ScenarioKey.namesIn(section));
        candidates.addAll(ScenarioKey.topLevelSections());
        String best = null;
        int bestDistance = TYPO_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = EditDistance.between(name, candidate.substring(candidate.lastIndexOf('.') + 1));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
