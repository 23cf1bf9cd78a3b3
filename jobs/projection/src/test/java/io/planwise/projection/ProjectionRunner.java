package io.planwise.projection;

import io.planwise.cli.ProjectionRun;
import io.planwise.model.census.CensusRowDecoder;
import io.planwise.connector.file.RowFileSources;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the projection job on the test's MiniCluster. */
final class ProjectionRunner {
    private ProjectionRunner() {}

    static ProjectionRun run(Path census, ScenarioConfig config, Path warehouse, int parallelism) throws Exception {
        return run(census, config, warehouse, parallelism, false);
    }

    static ProjectionRun run(Path census, ScenarioConfig config, Path warehouse, int parallelism,
            boolean failAfterCommit) throws Exception {
        return run(census, config, warehouse, parallelism, failAfterCommit, RunIds.next(Clock.systemUTC()));
    }

    static ProjectionRun run(Path census, ScenarioConfig config, Path warehouse, int parallelism,
            boolean failAfterCommit, String runId) throws Exception {
        ProjectionSettings settings = new ProjectionSettings(config, Assumptions.bundledDefaults(),
                new WarehouseLayout(warehouse), runId, census.toString(), failAfterCommit);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return new ProjectionJob(settings, RowFileSources.forFile(new org.apache.flink.core.fs.Path(census.toUri()),
                new CensusRowDecoder(), TypeInformation.of(CensusRow.class))).execute(env);
    }

    /** A fresh run id, as the CLI would pick it. */
    static String nextRunId() {
        return RunIds.next(Clock.systemUTC());
    }

    /** The deepest cause of a failure: what the job itself threw, under Flink's wrappers. */
    static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Every message of the cause chain, outermost first, one per line. */
    static String messages(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    static Path syntheticCensus(Path dir, long employees, long seed) throws IOException {
        Path file = dir.resolve("census_" + employees + "_" + seed + ".csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            new SyntheticCensus(seed, java.time.LocalDate.of(2024, 12, 31)).writeCsv(employees, w);
        }
        return file;
    }
}
