package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.cli.PlanwiseCli;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.testing.PostgresServer;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines read the census and the assumption tables from PostgreSQL through the one front end
 * and publish the same marts and run record, value for value: the same rows, numbered the same,
 * decoded the same, rejects included.
 */
class PostgresParityTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(2);

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    private int planwise(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanwiseCli.fromClasspath().run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("planwise %s; stderr: %s", String.join(" ", args), err).isZero();
        return exit;
    }

    @Test
    void aCensusAndAssumptionsFromPostgresGiveTheSameMartsInBothEngines() throws Exception {
        Path census = tmp.resolve("census.csv");
        try (Writer w = Files.newBufferedWriter(census)) {
            new SyntheticCensus(17, LocalDate.of(2024, 12, 31)).writeCsv(3_000, w);
        }
        // Rows the staging rejects, so the row numbers of rejects are compared too: a duplicate id that
        // loses the tie-break (an earlier hire) and a salary below zero.
        String firstId = Files.readAllLines(census).get(1).split(",")[0];
        Files.writeString(census, firstId + ",S1,1980-01-01,1990-01-01,,50000.00,true\n"
                + "E_NEGATIVE,S2,1981-01-01,2011-01-01,,-5.00,true\n", java.nio.file.StandardOpenOption.APPEND);
        planwise("load-postgres", "--url", POSTGRES.url(), "--census", census.toString(), "--db-user", POSTGRES.user());
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement()) {
            // The database's own assumptions differ from the bundled ones: a higher merit base.
            assertThat(s.executeUpdate("UPDATE comp_levers SET parameter_value = 0.045 "
                    + "WHERE event_type = 'RAISE' AND parameter_name = 'merit_base'")).isPositive();
        }

        for (String engine : new String[] {"flink", "sql"}) {
            planwise("project", "--engine", engine, "--census", POSTGRES.url(), "--assumptions", POSTGRES.url(),
                    "--db-user", POSTGRES.user(), "--warehouse", tmp.resolve(engine).toString(), "--scenario", "pg",
                    "--end-year", "2027", "--parallelism", "2");
        }

        RunManifest flink = new ManifestStore(new WarehouseLayout(tmp.resolve("flink"))).current("pg").orElseThrow();
        RunManifest sql = new ManifestStore(new WarehouseLayout(tmp.resolve("sql"))).current("pg").orElseThrow();
        EngineParity.assertSameMarts(flink, tmp.resolve("flink"), sql, tmp.resolve("sql"));
        RunRecordParity.assertSameRecords(flink, tmp.resolve("flink"), sql, tmp.resolve("sql"));
        assertThat(io.planwise.testing.MartReader.count(sql, tmp.resolve("sql"),
                "SELECT count(*) FROM dq_census_issues WHERE severity = 'reject'")).as("rejects").isEqualTo(2);
        Map<String, String> used = RunRecordFile.read(new WarehouseLayout(tmp.resolve("sql")).resolve(sql.runDir()))
                .assumptionFingerprints();
        Map<String, String> bundled = Assumptions.bundledDefaults().fingerprints();
        assertThat(used.keySet()).isEqualTo(bundled.keySet());
        assertThat(used).as("the database's comp_levers, not the bundled one").isNotEqualTo(bundled);
    }
}
