package io.planwise.projection;

import io.planwise.testing.MartReader;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.cli.ProjectionRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.planwise.model.census.CensusStaging;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MODEL.md 1.1 and ARCHITECTURE.md 6 on bad input: every bad row is rejected with its reason and row
 * number and every row is accounted for; implausible rows are kept with a warning; a census that
 * cannot be projected fails the job before anything is published.
 */
class BadCensusTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(4);

    private static final String HEADER = "employee_id,employee_ssn,employee_birth_date,employee_hire_date,"
            + "employee_termination_date,employee_gross_compensation,active";
    private static final ScenarioConfig ONE_YEAR = ScenarioConfig.defaults().withYears(2025, 2025);
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    @TempDir
    static Path shared;

    /** A warehouse with one published run, which no failing run may touch. */
    static Path published;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publishOneRun() throws Exception {
        published = shared.resolve("published");
        ProjectionRunner.run(ProjectionRunner.syntheticCensus(shared, 200, 3), ONE_YEAR, published, 2);
        assertThat(new ManifestStore(new WarehouseLayout(published)).current(ONE_YEAR.scenarioId())).isPresent();
    }

    /** An expected dq_census_issues row. */
    record Issue(long rowNumber, String employeeId, String severity, String reason, String raw) {}

    /** The census file being built, with what the test expects of each row. */
    static final class Census {
        final List<String> lines = new ArrayList<>(List.of(HEADER));
        final List<Issue> issues = new ArrayList<>();
        final List<String> baselineValues = new ArrayList<>();
        long terminatedBeforeStart;
        long notYetHired;

        long add(String line) {
            lines.add(line);
            return lines.size(); // the header is line 1
        }

        void baseline(String id, String birth, String hire, String termination, String pay) {
            add(id + ",999-00-0000," + birth + "," + hire + "," + termination + "," + pay + ",true");
            baselineValues.add("('" + id + "', " + pay + ")");
        }

        void reject(String reason, String id, String line) {
            long row = add(line);
            issues.add(new Issue(row, id, "reject", reason, line));
        }

        void warning(String reason, String id, String birth, String hire, String pay) {
            baseline(id, birth, hire, "", pay);
            issues.add(new Issue(lines.size(), id, "warning", reason, lines.get(lines.size() - 1)));
        }

        long rejects() {
            return issues.stream().filter(i -> i.severity().equals("reject")).count();
        }

        long warnings() {
            return issues.size() - rejects();
        }

        long dataRows() {
            return lines.size() - 1;
        }

        Path write(Path file) throws Exception {
            Files.write(file, lines);
            return file;
        }
    }

    @Test
    void everyBadRowIsListedWithItsReasonAndEveryRowIsAccountedFor() throws Exception {
        Census c = new Census();
        for (int i = 1; i <= 400; i++) {
            c.baseline(String.format("GOOD_%04d", i), LocalDate.of(1960, 1, 1).plusDays(i * 37L % 9_000).toString(),
                    LocalDate.of(2005, 1, 1).plusDays(i * 13L % 6_000).toString(), "", Long.toString(50_000 + i * 731L));
        }
        c.baseline("TERM_AFTER_AS_OF", "1980-05-05", "2010-05-05", "2025-06-30", "70000");
        c.add("TERM_BEFORE_1,999-00-0000,1980-05-05,2010-05-05,2024-06-30,70000,false");
        c.add("TERM_ON_AS_OF,999-00-0000,1980-05-05,2010-05-05,2024-12-31,70000,false");
        c.terminatedBeforeStart = 2;
        c.add("HIRED_LATER,999-00-0000,1990-05-05,2025-03-01,,70000,true");
        c.notYetHired = 1;

        c.reject(CensusStaging.MISSING_EMPLOYEE_ID, null, ",999-00-0001,1980-01-01,2010-01-01,,50000,true");
        c.reject(CensusStaging.MISSING_EMPLOYEE_ID, null, "   ,999-00-0002,1980-01-01,2010-01-01,,50000,true");
        c.reject(CensusStaging.INVALID_BIRTH_DATE, "BAD_BIRTH", "BAD_BIRTH,999-00-0003,1980-13-45,2010-01-01,,50000,true");
        c.reject(CensusStaging.INVALID_BIRTH_DATE, "NO_BIRTH", "NO_BIRTH,999-00-0004,,2010-01-01,,50000,true");
        c.reject(CensusStaging.INVALID_HIRE_DATE, "NO_HIRE", "NO_HIRE,999-00-0005,1980-01-01,,,50000,true");
        c.reject(CensusStaging.INVALID_HIRE_DATE, "US_DATE", "US_DATE,999-00-0006,1980-01-01,01/15/2020,,50000,true");
        c.reject(CensusStaging.INVALID_COMPENSATION, "PAY_TEXT", "PAY_TEXT,999-00-0007,1980-01-01,2010-01-01,,abc,true");
        c.reject(CensusStaging.INVALID_COMPENSATION, "PAY_ZERO", "PAY_ZERO,999-00-0008,1980-01-01,2010-01-01,,0,true");
        c.reject(CensusStaging.INVALID_COMPENSATION, "PAY_NEG", "PAY_NEG,999-00-0009,1980-01-01,2010-01-01,,-5000,true");
        c.reject(CensusStaging.INVALID_COMPENSATION, "PAY_NONE", "PAY_NONE,999-00-0010,1980-01-01,2010-01-01,,,true");
        c.reject(CensusStaging.MALFORMED_ROW, "TOO_WIDE",
                "TOO_WIDE,999-00-0011,1980-01-01,2010-01-01,,50000,true,surplus");
        c.reject(CensusStaging.MALFORMED_ROW, "TOO_NARROW", "TOO_NARROW,999-00-0012,1980-01-01");
        c.reject(CensusStaging.INVALID_TERMINATION_DATE, "BAD_TERM",
                "BAD_TERM,999-00-0013,1980-01-01,2010-01-01,2024-02-30,50000,true");

        // Duplicates: the latest hire date wins, then the highest pay, then the first row seen.
        c.baseline("DUP_A", "1975-01-01", "2015-01-01", "", "70000");
        c.reject(CensusStaging.DUPLICATE_EMPLOYEE_ID, "DUP_A", "DUP_A,999-00-0014,1975-01-01,2010-01-01,,90000,true");
        c.reject(CensusStaging.DUPLICATE_EMPLOYEE_ID, "DUP_B", "DUP_B,999-00-0015,1975-01-01,2012-05-05,,60000,true");
        c.baseline("DUP_B", "1975-01-01", "2012-05-05", "", "65000");
        c.baseline("DUP_C", "1975-01-01", "2013-03-03", "", "61000");
        c.reject(CensusStaging.DUPLICATE_EMPLOYEE_ID, "DUP_C", "DUP_C,999-00-0000,1975-01-01,2013-03-03,,61000,true");

        // Implausible but usable: kept, listed as warnings.
        c.warning(CensusStaging.HIRED_BEFORE_AGE_14, "WARN_CHILD_HIRE", "2000-06-01", "2010-01-01", "60000");
        c.warning(CensusStaging.AGE_OVER_100, "WARN_AGE_104", "1920-03-01", "1960-01-01", "90000");
        c.warning(CensusStaging.COMPENSATION_OVER_10M, "WARN_PAY_12M", "1970-01-01", "2000-01-01", "12000000");

        assertThat(c.rejects()).isEqualTo(16);
        assertThat((double) c.rejects() / c.dataRows()).isLessThan(ONE_YEAR.maxRejectFraction());
        Path census = c.write(tmp.resolve("bad_rows.csv"));
        Path warehouse = tmp.resolve("wh");
        ProjectionRun result = ProjectionRunner.run(census, ONE_YEAR, warehouse, 2);

        try (MartReader m = MartReader.of(result.manifest(), warehouse)) {
            List<Issue> actual = m.rows("select row_number, employee_id, severity, reason, raw_row from dq_census_issues "
                    + "order by row_number, reason").stream().map(r -> new Issue(((Number) r.get(0)).longValue(),
                    (String) r.get(1), (String) r.get(2), (String) r.get(3), (String) r.get(4))).toList();
            assertThat(actual).containsExactlyInAnyOrderElementsOf(c.issues);
            assertThat(m.strings("select distinct source from dq_census_issues")).singleElement().asString()
                    .contains("bad_rows.csv");
            assertThat(m.count("select count(*) from dq_census_issues where detail is null and severity = 'reject'"))
                    .as("rejects without a detail").isZero();
            assertThat(m.strings("select distinct simulation_year from dq_census_issues")).containsExactly("2025");

            m.execute("create table baseline (employee_id varchar, salary decimal(18,2))");
            m.execute("insert into baseline values " + String.join(", ", c.baselineValues));
            assertThat(m.count("select count(*) from baseline")).isEqualTo(400 + 1 + 3 + 3);
            ModelInvariants.assertCensusAccounting(m, result.runDir(), c.dataRows(), 407);
            var census0 = io.planwise.warehouse.RunRecordFile.read(result.runDir()).census();
            assertThat(census0.terminatedBeforeStart()).isEqualTo(c.terminatedBeforeStart);
            assertThat(census0.notYetHired()).isEqualTo(c.notYetHired);
            assertThat(census0.rejected()).isEqualTo(16);
            assertThat(census0.warnings()).isEqualTo(3);

            // The winners of the tie-breaks are the employees that were projected; the warned rows are kept.
            assertThat(m.rows("select employee_id, employee_hire_date from fct_workforce_snapshot "
                    + "where employee_id like 'DUP_%' order by 1")).containsExactly(
                    List.of("DUP_A", LocalDate.of(2015, 1, 1)), List.of("DUP_B", LocalDate.of(2012, 5, 5)),
                    List.of("DUP_C", LocalDate.of(2013, 3, 3)));
            assertThat(m.strings("select employee_id from fct_workforce_snapshot where employee_id like 'WARN_%' order by 1"))
                    .containsExactly("WARN_AGE_104", "WARN_CHILD_HIRE", "WARN_PAY_12M");
            assertThat(m.count("select count(*) from fct_workforce_snapshot where employee_id in ('BAD_BIRTH', 'NO_BIRTH', "
                    + "'NO_HIRE', 'US_DATE', 'PAY_TEXT', 'PAY_ZERO', 'PAY_NEG', 'PAY_NONE', 'TOO_WIDE', 'TOO_NARROW', "
                    + "'BAD_TERM', 'TERM_BEFORE_1', 'TERM_ON_AS_OF', 'HIRED_LATER')")).isZero();
            ModelInvariants.assertAll(m, ONE_YEAR);
        }
    }

    @Test
    void emptyFileFailsAndPublishesNothing() throws Exception {
        Path census = Files.write(tmp.resolve("empty.csv"), new byte[0]);
        assertThat(failingRun(census, ONE_YEAR)).contains("empty.csv").containsIgnoringCase("empty");
    }

    @Test
    void headerWithoutRowsFailsAndPublishesNothing() throws Exception {
        Path census = Files.writeString(tmp.resolve("header_only.csv"), HEADER + "\n");
        assertThat(failingRun(census, ONE_YEAR)).containsIgnoringCase("no data rows");
    }

    @Test
    void binaryGarbageFailsAndPublishesNothing() throws Exception {
        byte[] garbage = new byte[8_192];
        new Random(1234).nextBytes(garbage);
        Path census = Files.write(tmp.resolve("garbage.csv"), garbage);
        assertThat(failingRun(census, ONE_YEAR)).contains("garbage.csv").containsAnyOf("binary", "text", "UTF-8");
    }

    @Test
    void missingRequiredColumnIsNamed() throws Exception {
        Path census = Files.writeString(tmp.resolve("no_hire_date.csv"), """
                employee_id,employee_birth_date,employee_gross_compensation
                E1,1980-01-01,50000
                E2,1981-01-01,60000
                """);
        assertThat(failingRun(census, ONE_YEAR)).contains("employee_hire_date").contains("no_hire_date.csv");
    }

    @Test
    void censusWithEveryRowRejectedFails() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 20; i++) {
            csv.append("E").append(i).append(",999-00-0000,1980-01-01,2010-01-01,,not-a-number,true\n");
        }
        Path census = Files.writeString(tmp.resolve("all_rejected.csv"), csv);
        assertThat(failingRun(census, ONE_YEAR)).contains("20 of 20").contains("max_reject_fraction");
    }

    @Test
    void rejectsAboveTheLimitFailButAHigherLimitAcceptsThem() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 18; i++) {
            csv.append("E").append(i).append(",999-00-0000,1980-01-01,2010-01-01,,50000,true\n");
        }
        csv.append("B1,999-00-0000,1980-01-01,2010-01-01,,0,true\nB2,999-00-0000,,2010-01-01,,50000,true\n");
        Path census = Files.writeString(tmp.resolve("ten_percent_rejected.csv"), csv);
        assertThat(failingRun(census, ONE_YEAR)).contains("max_reject_fraction");

        ScenarioConfig tolerant = ScenarioConfig.parse("""
                simulation: {start_year: 2025, end_year: 2025}
                setup:
                  max_reject_fraction: 0.2
                """, "tolerant.yaml");
        Path warehouse = tmp.resolve("tolerant");
        ProjectionRun result = ProjectionRunner.run(census, tolerant, warehouse, 2);
        try (MartReader m = MartReader.of(result.manifest(), warehouse)) {
            assertThat(m.rows("select row_number, reason from dq_census_issues order by 1")).containsExactly(
                    List.of(20L, CensusStaging.INVALID_COMPENSATION), List.of(21L, CensusStaging.INVALID_BIRTH_DATE));
            assertThat(m.count("select count(*) from fct_workforce_needs where starting_workforce = 18")).isEqualTo(1);
        }
    }

    @Test
    void censusWithNobodyActiveOnTheAsOfDateFails() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 20; i++) {
            csv.append("E").append(i).append(",999-00-0000,1980-01-01,2010-01-01,")
                    .append(AS_OF.minusDays(i * 10L)).append(",50000,false\n");
        }
        Path census = Files.writeString(tmp.resolve("all_terminated.csv"), csv);
        assertThat(failingRun(census, ONE_YEAR)).containsAnyOf("baseline", "active");
    }

    /**
     * Runs the census twice, into the warehouse with a published run and into a fresh one: both runs
     * must fail, leave the published manifest byte for byte (and its mtime) and publish nothing in
     * the fresh warehouse. Returns the root cause's message.
     */
    private String failingRun(Path census, ScenarioConfig config) throws Exception {
        Path manifest = new WarehouseLayout(published).manifestPath(config.scenarioId());
        byte[] before = Files.readAllBytes(manifest);
        FileTime modified = Files.getLastModifiedTime(manifest);

        Throwable failure = catchThrowable(() -> ProjectionRunner.run(census, config, published, 2));
        assertThat(failure).as("the run of " + census.getFileName() + " must fail").isNotNull();
        assertThat(Files.readAllBytes(manifest)).as("the published manifest after a failed run").isEqualTo(before);
        assertThat(Files.getLastModifiedTime(manifest)).isEqualTo(modified);
        assertThat(Files.list(manifest.getParent()).map(p -> p.getFileName().toString()).toList())
                .as("files in current/").containsExactly(manifest.getFileName().toString());

        Path fresh = tmp.resolve("fresh_" + census.getFileName());
        Throwable again = catchThrowable(() -> ProjectionRunner.run(census, config, fresh, 2));
        assertThat(again).as("the run of " + census.getFileName() + " into a fresh warehouse must fail").isNotNull();
        WarehouseLayout freshLayout = new WarehouseLayout(fresh);
        assertThat(new ManifestStore(freshLayout).current(config.scenarioId())).isEmpty();
        assertThat(Files.exists(freshLayout.manifestPath(config.scenarioId()))).isFalse();

        String message = ProjectionRunner.rootCause(failure).getMessage();
        assertThat(message).as("root cause of:\n" + ProjectionRunner.messages(failure)).isNotBlank();
        assertThat(ProjectionRunner.rootCause(again).getMessage()).isEqualTo(message);
        return message;
    }
}
