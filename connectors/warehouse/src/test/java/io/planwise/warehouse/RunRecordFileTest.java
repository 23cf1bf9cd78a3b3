package io.planwise.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.contract.RunRecord;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordFileTest {

    @TempDir
    Path root;

    static RunRecord record() {
        return record("r1");
    }

    static RunRecord record(String runId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("scenario_id", "s1");
        config.put("simulation.target_growth_rate", new BigDecimal("0.03"));
        config.put("compensation.cola_rate", null);
        return RunRecord.started("flink", 1, 1, 2, TestRuns.PUBLISHED, "census.csv", config, Map.of("config_job_levels", "ab12"),
                "s1", runId).evaluated(new RunRecord.CensusCounts(10, 7, 1, 1, 1, 2, List.of(
                        new RunRecord.IssueTally("reject", "missing_employee_id", 1, 4, "employee_id is blank", ",1980-01-01"))),
                List.of(new RunRecord.YearFigures(2025, 7, 1, 2, 1, 0, 7, new BigDecimal("700000.10"))),
                List.of(new RunRecord.CheckOutcome(2025, "ending_equals_target", true, null),
                        new RunRecord.CheckOutcome(2025, "event_dates_valid", false, "2 events outside 2025")));
    }

    @Test
    void writesPrettyJsonAtomicallyAndReadsTheSameRecordBack() throws Exception {
        Path runDir = new WarehouseLayout(root).runDir("s1", "r1");
        RunRecordFile.write(runDir, record().rejected("first"));
        RunRecord published = record().published(TestRuns.PUBLISHED, Map.of("dq_checks", 2L));
        RunRecordFile.write(runDir, published);

        String text = Files.readString(runDir.resolve("_run.json"));
        assertThat(text).contains("\n  \"engine\" : \"flink\"").contains("\"started_at\" : \"2025-01-14T09:30:12.345Z\"")
                .contains("\"simulation.target_growth_rate\" : 0.03").contains("\"status\" : \"published\"").doesNotContain("first");
        RunRecord back = RunRecordFile.read(runDir);
        assertThat(back).isEqualTo(published);
        assertThat(back.config().get("simulation.target_growth_rate")).isEqualTo(new BigDecimal("0.03"));
        assertThat(back.isPublished()).isTrue();
        assertThat(back.failedChecks()).containsExactly("2025 event_dates_valid: 2 events outside 2025");
        try (Stream<Path> s = Files.list(runDir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("_run.json"));
        }
    }

    @Test
    void readFailsClearlyWhenMissingEmptyOrNotARecord() throws Exception {
        Path runDir = Files.createDirectories(root.resolve("r"));
        assertThatThrownBy(() -> RunRecordFile.read(runDir)).isInstanceOf(UncheckedIOException.class);
        Files.writeString(runDir.resolve("_run.json"), "");
        assertThatThrownBy(() -> RunRecordFile.read(runDir)).isInstanceOf(UncheckedIOException.class);
        Files.writeString(runDir.resolve("_run.json"), "[1, 2]");
        assertThatThrownBy(() -> RunRecordFile.read(runDir)).isInstanceOf(UncheckedIOException.class);
    }
}
