package io.planwise.model.config;

import java.util.List;

/**
 * The README's table of scenario keys, rendered from {@link ScenarioKey} so the documentation
 * cannot drift from what the reader accepts. README.md holds it between {@link #BEGIN} and
 * {@link #END}; {@code ConfigReferenceTest} fails, printing this block, when the two differ.
 */
final class ConfigReference {
    static final String BEGIN = "<!-- scenario-keys:begin -->";
    static final String END = "<!-- scenario-keys:end -->";

    private ConfigReference() {
    }

    /** The Markdown table, one row per key in declaration order, each line ending in a newline. */
    static String scenarioKeysTable() {
        StringBuilder table = new StringBuilder("| key | type | default | range | meaning |\n|---|---|---|---|---|\n");
        for (ScenarioKey key : ScenarioKey.values()) {
            List<String> cells = List.of("`" + key.path() + "`", key.type().label(), key.defaultDescription(),
                    key.rangeDescription(), key.meaning());
            table.append('|');
            for (String cell : cells) {
                table.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** The table between its marker lines, as it appears in README.md. */
    static String readmeBlock() {
        return BEGIN + "\n" + scenarioKeysTable() + END + "\n";
    }
}
