package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordFileTest {

    @TempDir
    Path root;

    record Record(String scenario, Instant startedAt, Map<String, Long> counts) {}

    @Test
    void writesPrettyJsonAtomicallyAndReadsItBack() throws Exception {
        Path runDir = new WarehouseLayout(root).runDir("s1", "r1");
        RunRecordFile.write(runDir, new Record("s1", TestRuns.PUBLISHED, Map.of("workforce", 12L)));
        RunRecordFile.write(runDir, new Record("s1", TestRuns.PUBLISHED, Map.of("workforce", 13L)));

        String text = Files.readString(runDir.resolve("_run.json"));
        assertThat(text).contains("\n  \"scenario\" : \"s1\"");
        JsonNode node = RunRecordFile.read(runDir);
        assertThat(node.get("startedAt").asText()).isEqualTo("2025-01-14T09:30:12.345Z");
        assertThat(node.get("counts").get("workforce").asLong()).isEqualTo(13);
        try (Stream<Path> s = Files.list(runDir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("_run.json"));
        }
    }

    @Test
    void readFailsClearlyWhenMissingOrEmpty() throws Exception {
        Path runDir = Files.createDirectories(root.resolve("r"));
        assertThatThrownBy(() -> RunRecordFile.read(runDir)).isInstanceOf(UncheckedIOException.class);
        Files.writeString(runDir.resolve("_run.json"), "");
        assertThatThrownBy(() -> RunRecordFile.read(runDir)).isInstanceOf(UncheckedIOException.class);
    }
}
