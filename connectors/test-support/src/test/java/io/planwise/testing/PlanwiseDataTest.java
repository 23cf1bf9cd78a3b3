package io.planwise.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PlanwiseDataTest {
    @TempDir
    Path tmp;

    @Test
    void presentDataIsFound() throws Exception {
        Path seeds = Files.createDirectories(tmp.resolve("planwise_data/seeds"));
        assertThat(PlanwiseData.require(tmp.resolve("planwise_data").toString(), Map.of(), "seeds")).isEqualTo(seeds);
    }

    @Test
    void missingDataSkipsOnAClone() {
        assertThatThrownBy(() -> PlanwiseData.require(tmp.resolve("absent").toString(), Map.of()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("PlanWise reference data not found at");
    }

    @Test
    void missingDataFailsUnderCi() {
        assertThatThrownBy(() -> PlanwiseData.require(tmp.resolve("absent").toString(), Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true");
    }
}
