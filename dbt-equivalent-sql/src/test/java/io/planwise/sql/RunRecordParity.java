package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.RunRecord;
import java.nio.file.Path;

/** Both engines' {@code _run.json}: the same content, except what names the run itself. */
final class RunRecordParity {
    private RunRecordParity() {}

    static void assertSameRecords(RunManifest flink, Path flinkWarehouse, RunManifest sql, Path sqlWarehouse) {
        RunRecord f = RunRecordFile.read(new WarehouseLayout(flinkWarehouse).resolve(flink.runDir()));
        RunRecord s = RunRecordFile.read(new WarehouseLayout(sqlWarehouse).resolve(sql.runDir()));
        assertThat(s.engine()).isEqualTo("sql");
        assertThat(f.engine()).isEqualTo("flink");
        assertThat(f.isPublished()).isTrue();
        assertThat(withoutIdentity(s)).as("_run.json without engine, run id and times (SQL vs Flink)")
                .isEqualTo(withoutIdentity(f));
    }

    /** The record without what differs by design: which engine, which run, when, and where the census was read. */
    private static RunRecord withoutIdentity(RunRecord r) {
        return new RunRecord(null, r.trials(), r.detailTrials(), r.parallelism(), null, r.censusSource(), r.config(),
                r.assumptionFingerprints(), r.census(), r.years(), r.checks(), r.scenarioId(), null, r.status(),
                r.reason(), null, r.martRows());
    }
}
