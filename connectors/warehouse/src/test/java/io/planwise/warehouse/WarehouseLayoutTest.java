package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WarehouseLayoutTest {

    @TempDir
    Path root;

    @Test
    void derivesTheDocumentedPaths() {
        WarehouseLayout layout = new WarehouseLayout(root);

        assertThat(layout.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(layout.runsDir()).isEqualTo(root.resolve("runs"));
        assertThat(layout.currentDir()).isEqualTo(root.resolve("current"));
        assertThat(layout.scenarioRunsDir("baseline")).isEqualTo(root.resolve("runs/baseline"));
        assertThat(layout.runDir("baseline", "r1")).isEqualTo(root.resolve("runs/baseline/r1"));
        assertThat(layout.manifestPath("baseline")).isEqualTo(root.resolve("current/baseline.json"));
        assertThat(layout.runRecordPath("baseline", "r1")).isEqualTo(root.resolve("runs/baseline/r1/_run.json"));
        assertThat(WarehouseLayout.relativeRunDir("baseline", "r1")).isEqualTo("runs/baseline/r1");
    }

    @Test
    void relativeRootIsMadeAbsolute() {
        WarehouseLayout layout = new WarehouseLayout(Path.of("some/../wh"));
        assertThat(layout.root()).isAbsolute().isEqualTo(Path.of("wh").toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", ".", "a/b", "a\\b", "/etc", "", " ", "a b", "x.json", "é",
        "a\u0000b", "12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsIdsThatCouldEscapeOrAreMalformed(String bad) {
        WarehouseLayout layout = new WarehouseLayout(root);

        assertThatThrownBy(() -> layout.scenarioRunsDir(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario id '" + bad + "'");
        assertThatThrownBy(() -> layout.manifestPath(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.runDir("ok", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id '" + bad + "'");
        assertThatThrownBy(() -> layout.runRecordPath(bad, "ok")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WarehouseLayout.isValidId(bad)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    void rejectsNullIds(String bad) {
        WarehouseLayout layout = new WarehouseLayout(root);
        assertThatThrownBy(() -> layout.runDir(bad, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.runDir("s", bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "baseline_2025-high", "20250114T093012345Z-3fa94c1e",
        "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsValidIdsUpTo64Characters(String good) {
        WarehouseLayout layout = new WarehouseLayout(root);
        assertThat(layout.runDir(good, good)).isEqualTo(root.resolve("runs").resolve(good).resolve(good));
        assertThat(WarehouseLayout.isValidId(good)).isTrue();
    }

    @Test
    void relativizesWithForwardSlashesAndResolvesBack() {
        WarehouseLayout layout = new WarehouseLayout(root);
        Path file = root.resolve("runs/s/r/mart/simulation_year=2025/part-0.parquet");

        String relative = layout.relativize(file);

        assertThat(relative).isEqualTo("runs/s/r/mart/simulation_year=2025/part-0.parquet");
        assertThat(layout.resolve(relative)).isEqualTo(file);
    }

    @Test
    void refusesPathsOutsideTheWarehouse() {
        WarehouseLayout layout = new WarehouseLayout(root);

        assertThatThrownBy(() -> layout.relativize(root.resolve("../elsewhere")))
                .isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[] {"../x", "runs/../../x", "/etc/passwd", "", "runs\\s", "C:/x", "."}) {
            assertThatThrownBy(() -> layout.resolve(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(layout);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            WarehouseLayout copy = (WarehouseLayout) in.readObject();
            assertThat(copy).isEqualTo(layout);
            assertThat(copy.manifestPath("s")).isEqualTo(layout.manifestPath("s"));
        }
    }
}
