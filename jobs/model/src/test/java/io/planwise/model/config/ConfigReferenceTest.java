package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md holds the table rendered from {@link ScenarioKey}, exactly, so the reference a
 * user reads cannot drift from what the reader accepts; README.md either links to it or, if it still
 * carries its own copy of the block, carries the same one.
 */
class ConfigReferenceTest {
    static final String CONFIGURATION_DOC = "docs/configuration.md";

    @Test
    void theConfigurationPageHoldsTheRenderedKeyTable() throws IOException {
        Path doc = RepositoryRoot.file(CONFIGURATION_DOC);
        String block = markedBlock(doc);
        if (block == null) {
            fail(doc + " has no " + ConfigReference.BEGIN + " … " + ConfigReference.END + " block; add this one:\n\n"
                    + ConfigReference.readmeBlock());
        }
        if (!block.equals(ConfigReference.readmeBlock())) {
            fail(doc + ": the scenario key table differs from ScenarioKey. Replace the block between the"
                    + " marker lines (markers included) with:\n\n" + ConfigReference.readmeBlock());
        }
    }

    @Test
    void theReadmeLinksToThePageOrCarriesTheSameTable() throws IOException {
        Path readme = RepositoryRoot.file("README.md");
        String block = markedBlock(readme);
        if (block == null) {
            assertThat(Files.readString(readme, StandardCharsets.UTF_8))
                    .as("README.md has no key table, so it must link to " + CONFIGURATION_DOC)
                    .contains("(" + CONFIGURATION_DOC + ")");
        } else if (!block.equals(ConfigReference.readmeBlock())) {
            fail(readme + ": the scenario key table differs from ScenarioKey. Replace it with a link to "
                    + CONFIGURATION_DOC + ", or the block between the marker lines (markers included) with:\n\n"
                    + ConfigReference.readmeBlock());
        }
    }

    @Test
    void everyRowHasFiveCells() {
        for (String row : ConfigReference.scenarioKeysTable().split("\n")) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(6);
        }
    }

    /** The text from the begin marker through the end marker and its newline, or null without both markers. */
    private static String markedBlock(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int begin = text.indexOf(ConfigReference.BEGIN);
        int end = text.indexOf(ConfigReference.END);
        if (begin < 0 || end < begin) {
            return null;
        }
        return text.substring(begin, end + ConfigReference.END.length()) + "\n";
    }
}
