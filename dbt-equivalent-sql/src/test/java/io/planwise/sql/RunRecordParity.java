package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.util.List;

/** Both engines' {@code _run.json}: the same keys and the same content, except what names the run itself. */
final class RunRecordParity {
    /** Keys that differ by design: which engine, which run, and when. */
    private static final List<String> RUN_IDENTITY = List.of("engine", "run_id", "started_at", "published_at");

    private RunRecordParity() {}

    static void assertSameRecords(RunManifest flink, Path flinkWarehouse, RunManifest sql, Path sqlWarehouse) {
        ObjectNode f = (ObjectNode) RunRecordFile.read(new WarehouseLayout(flinkWarehouse).resolve(flink.runDir()));
        ObjectNode s = (ObjectNode) RunRecordFile.read(new WarehouseLayout(sqlWarehouse).resolve(sql.runDir()));
        assertThat(s.get("engine").asText()).isEqualTo("sql");
        assertThat(f.get("engine").asText()).isEqualTo("flink");
        assertThat(iterable(s.fieldNames())).as("_run.json keys (SQL vs Flink)")
                .containsExactlyInAnyOrderElementsOf(iterable(f.fieldNames()));
        f.remove(RUN_IDENTITY);
        s.remove(RUN_IDENTITY);
        assertThat(s).as("_run.json without %s (SQL vs Flink)", RUN_IDENTITY).isEqualTo(f);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
