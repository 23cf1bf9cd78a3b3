package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

    @TempDir
    Path root;

    private RunManifest sample() {
        Map<String, MartEntry> marts = new LinkedHashMap<>();
        marts.put("workforce", MartEntry.of(
                List.of(new MartColumn("employee_id", "VARCHAR"), new MartColumn("salary", "DECIMAL(18,2)")),
                List.of(new MartFile("runs/s1/r1/workforce/simulation_year=2025/part-0.parquet", 7, 2025),
                        new MartFile("runs/s1/r1/workforce/simulation_year=2026/part-0.parquet", 5, 2026))));
        marts.put("events", new MartEntry(0, List.of(new MartColumn("kind", "VARCHAR")),
                List.of(new MartFile("runs/s1/r1/events/part-0.parquet", 0, null))));
        return new RunManifest("s1", "r1", TestRuns.PUBLISHED, marts);
    }

    @Test
    void roundTripsThroughJsonWithSnakeCaseNames() throws Exception {
        RunManifest manifest = sample();

        String json = WarehouseJson.MAPPER.writeValueAsString(manifest);
        JsonNode raw = WarehouseJson.MAPPER.readTree(json);

        assertThat(fieldNames(raw)).containsExactlyInAnyOrder("scenario_id", "run_id", "published_at", "run_dir", "marts");
        assertThat(raw.get("scenario_id").asText()).isEqualTo("s1");
        assertThat(raw.get("run_id").asText()).isEqualTo("r1");
        assertThat(raw.get("published_at").isTextual()).isTrue();
        assertThat(raw.get("published_at").asText()).isEqualTo("2025-01-14T09:30:12.345Z");
        assertThat(raw.get("run_dir").asText()).isEqualTo("runs/s1/r1");
        // Sorted by mart name even though they were inserted the other way round.
        assertThat(fieldNames(raw.get("marts"))).containsExactly("events", "workforce");
        JsonNode workforce = raw.get("marts").get("workforce");
        assertThat(fieldNames(workforce)).containsExactlyInAnyOrder("row_count", "columns", "files");
        assertThat(workforce.get("row_count").asLong()).isEqualTo(12);
        assertThat(fieldNames(workforce.get("columns").get(0))).containsExactlyInAnyOrder("name", "type");
        assertThat(workforce.get("columns").get(1).get("type").asText()).isEqualTo("DECIMAL(18,2)");
        JsonNode file = workforce.get("files").get(0);
        assertThat(fieldNames(file)).containsExactlyInAnyOrder("path", "row_count", "simulation_year");
        assertThat(file.get("simulation_year").asInt()).isEqualTo(2025);
        assertThat(raw.get("marts").get("events").get("files").get(0).get("simulation_year").isNull()).isTrue();

        RunManifest back = WarehouseJson.MAPPER.readValue(json, RunManifest.class);
        assertThat(back).isEqualTo(manifest);
        assertThat(back.marts().keySet()).containsExactly("events", "workforce");
    }

    @Test
    void readsManifestsWithFieldsItDoesNotKnow() throws Exception {
        String json = """
                {"scenario_id":"s1","run_id":"r1","published_at":"2025-01-14T09:30:12.345Z",
                 "run_dir":"runs/s1/r1","marts":{},"written_by":"a newer version"}""";
        assertThat(WarehouseJson.MAPPER.readValue(json, RunManifest.class).runId()).isEqualTo("r1");
    }

    @Test
    void resolvesAbsoluteFilePathsOfAMart() {
        WarehouseLayout layout = new WarehouseLayout(root);

        assertThat(sample().filesOf("workforce", layout)).containsExactly(
                root.resolve("runs/s1/r1/workforce/simulation_year=2025/part-0.parquet"),
                root.resolve("runs/s1/r1/workforce/simulation_year=2026/part-0.parquet"));
        assertThatThrownBy(() -> sample().filesOf("nope", layout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void refusesToResolveAListedPathThatLeavesTheWarehouse() {
        RunManifest evil = new RunManifest("s1", "r1", TestRuns.PUBLISHED, Map.of("m",
                MartEntry.of(List.of(), List.of(new MartFile("runs/../../etc/passwd", 1, null)))));
        assertThatThrownBy(() -> evil.filesOf("m", new WarehouseLayout(root)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesIdsAndIsImmutable() {
        assertThatThrownBy(() -> new RunManifest("../s", "r1", TestRuns.PUBLISHED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunManifest("s", "r/1", TestRuns.PUBLISHED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        RunManifest manifest = sample();
        assertThatThrownBy(() -> manifest.marts().clear()).isInstanceOf(UnsupportedOperationException.class);
        List<MartFile> files = new ArrayList<>(List.of(new MartFile("runs/a", 1, null)));
        MartEntry entry = MartEntry.of(List.of(), files);
        files.clear();
        assertThat(entry.files()).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
