package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's configuration reference is the table rendered from {@link ScenarioKey}, exactly. */
class ConfigReferenceTest {

    @Test
    void theReadmeTableIsTheRenderedKeyTable() throws IOException {
        Path readme = readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(ConfigReference.BEGIN);
        int end = text.indexOf(ConfigReference.END);
        if (begin < 0 || end < begin) {
            fail(readme + " has no " + ConfigReference.BEGIN + " … " + ConfigReference.END + " block; add this one under"
                    + " \"## Configuration reference\":\n" + ConfigReference.readmeBlock());
        }
        String actual = text.substring(begin, end + ConfigReference.END.length()) + "\n";
        String expected = ConfigReference.readmeBlock();
        if (!actual.equals(expected)) {
            fail(readme + ": the scenario key table differs from ScenarioKey. Replace the block between the"
                    + " marker lines (markers included) with:\n\n" + expected);
        }
    }

    @Test
    void everyRowHasFiveCells() {
        for (String row : ConfigReference.scenarioKeysTable().split("\n")) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(6);
        }
    }

    /** -Dplanwise.readme, else the README.md of the first directory upwards from here that has jobs/model. */
    private static Path readme() {
        String configured = System.getProperty("planwise.readme");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("jobs/model"))) {
                return dir.resolve("README.md");
            }
        }
        return fail("README.md not found above " + Path.of("").toAbsolutePath() + "; pass -Dplanwise.readme=PATH");
    }
}
