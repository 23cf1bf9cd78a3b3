package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenario files under examples/ are what a new user copies, so they are read here with the
 * product's own loader ({@link ScenarioConfig#load}) and must mean what their comments say.
 */
class ExampleConfigsTest {

    @Test
    void theFullExampleWritesEveryKeyTheModelReads() throws IOException {
        Path file = RepositoryRoot.file("examples/simulation_config.yaml");
        YamlNode.Mapping root = YamlDocumentReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        List<String> missing = new ArrayList<>();
        for (ScenarioKey key : ScenarioKey.values()) {
            if (!written(root, key.path())) {
                missing.add(key.path());
            }
        }
        assertThat(missing).as(file + " must set every ScenarioKey explicitly (`key: ~` for one that is unset"
                + " by default); these keys are missing").isEmpty();
    }

    @Test
    void theFullExampleIsTheDefaults() {
        ScenarioConfig example = ScenarioConfig.load(RepositoryRoot.file("examples/simulation_config.yaml"));
        assertThat(example.unknownKeys()).as("keys the v1 model would ignore").isEmpty();
        assertThat(example.describe()).isEqualTo(ScenarioConfig.defaults().describe());
        assertThat(example).isEqualTo(ScenarioConfig.defaults());
    }

    @Test
    void theGrowthExampleIsTheDefaultsAtFivePercentGrowth() {
        ScenarioConfig growth = ScenarioConfig.load(RepositoryRoot.file("examples/growth.yaml"));
        assertThat(growth.unknownKeys()).isEmpty();
        assertThat(growth.scenarioId()).isEqualTo("growth_5pct");
        assertThat(growth.targetGrowthRate()).isEqualByComparingTo("0.05");
        Map<String, Object> expected = defaultsWith(Map.of(
                ScenarioKey.SCENARIO_ID, "growth_5pct",
                ScenarioKey.TARGET_GROWTH_RATE, new BigDecimal("0.05")));
        assertThat(growth.describe()).isEqualTo(expected);
    }

    @Test
    void theEnsembleExampleRunsTwoHundredTrialsWithOneDetailTrial() {
        ScenarioConfig ensemble = ScenarioConfig.load(RepositoryRoot.file("examples/ensemble.yaml"));
        assertThat(ensemble.unknownKeys()).isEmpty();
        assertThat(ensemble.scenarioId()).isEqualTo("ensemble");
        assertThat(ensemble.trials()).isEqualTo(200);
        assertThat(ensemble.detailTrials()).isEqualTo(1);
        assertThat(ensemble.minTrialsForBands()).isEqualTo(10);
        // Enough trials that the bands are filled in, not NULL.
        assertThat(ensemble.trials()).isGreaterThanOrEqualTo(ensemble.minTrialsForBands());
        Map<String, Object> expected = defaultsWith(Map.of(
                ScenarioKey.SCENARIO_ID, "ensemble",
                ScenarioKey.TRIALS, 200));
        assertThat(ensemble.describe()).isEqualTo(expected);
    }

    /** The run record of the defaults with some keys changed, in key order. */
    private static Map<String, Object> defaultsWith(Map<ScenarioKey, Object> changed) {
        Map<String, Object> expected = new LinkedHashMap<>(ScenarioConfig.defaults().describe());
        changed.forEach((key, value) -> expected.put(key.path(), value));
        return expected;
    }

    /** Whether the dotted path is written in the file, with a value or as an explicit null. */
    private static boolean written(YamlNode.Mapping root, String path) {
        YamlNode node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof YamlNode.Mapping mapping) || !mapping.entries().containsKey(part)) {
                return false;
            }
            node = mapping.get(part);
        }
        return true;
    }
}
