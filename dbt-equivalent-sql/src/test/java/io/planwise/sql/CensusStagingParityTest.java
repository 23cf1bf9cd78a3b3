package io.planwise.sql;

import io.planwise.model.census.CensusRowDecoder;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.connector.rows.RowFiles;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusStaging;
import io.planwise.model.census.StagedRow;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunIds;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging models decide every census row exactly as the Java model's {@link CensusStaging} does:
 * reject reason and detail, parsed dates and cents, the duplicate tie-break, buckets and warnings,
 * on a census full of what real exports contain (padding, time suffixes, exponents, half cents,
 * leap days, ragged rows, quoted multi-line fields, duplicates).
 */
class CensusStagingParityTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    @TempDir
    Path tmp;

    @Test
    void everyRowGetsTheJavaModelsFate() throws Exception {
        Path census = tmp.resolve("census.csv");
        Files.writeString(census, String.join("\r\n", List.of(
                "employee_id,employee_birth_date,employee_hire_date,employee_termination_date,employee_gross_compensation,note",
                "E1,1980-02-29,1990-01-01,,50000,x",
                "E2,1960-02-29T00:00:00,2010-01-01 00:00,,1.5e5,x",
                "E3,1960-02-29T00:00:01,2010-01-01,,100000,x",
                "E4,1960-13-01,2010-01-01,,100000,x",
                "E5,1960-1-01,2010-01-01,,100000,x",
                "E6,  1970-05-05 ,2010-01-01,,  123.455 ,x",
                "E7,1970-05-05,2010-01-01,,-0.001,x",
                "E8,1970-05-05,2010-01-01,,0.004,x",
                "E9,1970-05-05,2010-01-01,,0.005,x",
                "E10,1970-05-05,2010-01-01,,\"1,000\",x",
                "E11,1970-05-05,2010-01-01,,$100,x",
                "E12,1970-05-05,2010-01-01,,1e400,x",
                "E13,1970-05-05,2010-01-01,,.5e-1,x",
                "E14,1970-05-05,2010-01-01,,+12345.,x",
                "E15,1970-05-05,2010-01-01,,92233720368547758.08,x",
                "E16,1970-05-05,2010-01-01,not-a-date,50000,x",
                "E17,1970-05-05,2010-01-01,2020-01-01,50000,x",
                "E18,1970-05-05,2026-01-01,,50000,x",
                "E19,1970-05-05,2010-01-01,2025-06-01,50000,x",
                ",1970-05-05,2010-01-01,,50000,x",
                "   ,1970-05-05,2010-01-01,,50000,x",
                "E22,,2010-01-01,,50000,x",
                "E23,1970-05-05,,,50000,x",
                "E24,1970-05-05,2010-01-01,,,x",
                "E25,1970-05-05,2010-01-01,,50000",
                "E26,1970-05-05,2010-01-01,,50000,x,y",
                "D1,1970-05-05,2024-12-30,,50000,x",
                "D1 ,1971-05-05,2024-12-30,,50001,x",
                " D1,1972-05-05,2020-01-01,,90000,x",
                "D2,1970-05-05,2000-01-01,,50000,x",
                "D2,1970-05-05,2000-01-01,,50000,second",
                "E30,1900-01-01,1910-01-01,,20000000,x",
                "E31,2000-06-01,2010-01-01,,60000,x",
                "\"E32\",\"1970-05-05\",\"2010-01-01\",\"\",\"70000\",\"multi",
                "line\"",
                "E33,1970-05-05,2010-01-01T00:00:00.000Z,,0055000.50,x",
                "E34,1970-05-05,2010-01-01T00:00:00.Z,,55000,x",
                "E35,1970-05-05,2010-01-01,,12.345e1,x",
                "E36,1970-05-05,2010-01-01,,0.000000000000000000000000000000000000000000000009,x",
                "E37,1970-05-05,2010-01-01,,1234567890123456789012345678901234567890e-40,x",
                "\u3000,1970-05-05,2010-01-01,,70000,x",
                "E39,1970-05-05,2010-01-01,,\u00a0100,x",
                "E40,0000-03-01,2010-01-01,,70000,x",
                "",
                "E41,1924-01-01,2010-01-01,,70000,x",
                "E42,1970-05-05,2010-01-01,,1000000000,x",
                "E43,1970-05-05,2010-01-01,,1000000000.01,x")) + "\n", StandardCharsets.UTF_8);
        ScenarioConfig config = ScenarioConfig.defaults().withYears(2025, 2025);

        Map<Long, StagedRow> java = new LinkedHashMap<>();
        RowFiles.readAll(census.toAbsolutePath(), new CensusRowDecoder(),
                (CensusRow row) -> java.put(row.rowNumber(), CensusStaging.stage(row, AS_OF)));

        try (DuckDbSession db = DuckDbSession.open(1, tmp)) {
            new SqlProjection(config, Assumptions.bundledDefaults(), new WarehouseLayout(tmp.resolve("wh")),
                    RunIds.next(Clock.systemUTC()), 1).stage(db, RawCensus.file(census.toAbsolutePath()));
            Map<Long, Map<String, Object>> sql = new HashMap<>();
            for (Map<String, Object> r : db.rows("SELECT * FROM stg_census_rows")) {
                sql.put(((Number) r.get("row_number")).longValue(), r);
            }
            assertThat(sql.keySet()).as("row numbers").containsExactlyInAnyOrderElementsOf(java.keySet());
            List<CensusCandidate> candidates = new ArrayList<>();
            java.forEach((line, staged) -> {
                Map<String, Object> row = sql.get(line);
                assertThat(row.get("reject_reason")).as("reason of line %d %s", line, row).isEqualTo(staged.rejectReason());
                assertThat(row.get("reject_detail")).as("detail of line %d", line).isEqualTo(staged.rejectDetail());
                if (!staged.rejected()) {
                    CensusCandidate c = staged.candidate();
                    candidates.add(c);
                    assertThat(List.of(row.get("employee_id"), row.get("birth_date"), row.get("hire_date"),
                            String.valueOf(row.get("termination_date")), row.get("compensation_cents")))
                            .as("typed values of line %d", line)
                            .containsExactly(c.employeeId(), c.birthDate(), c.hireDate(),
                                    String.valueOf(c.terminationDate()), c.compensationCents());
                }
            });
            assertThat(candidates).as("rows that parsed").hasSizeGreaterThan(15);

            // Duplicate tie-break, buckets and warnings of the kept rows, as the Java model decides them.
            Map<String, CensusCandidate> winners = new HashMap<>();
            candidates.forEach(c -> winners.merge(c.employeeId(), c, (a, b) -> b.beats(a) ? b : a));
            Map<Long, String> expected = new HashMap<>();
            winners.values().forEach(c -> expected.put(c.rowNumber(), c.bucket(AS_OF).label + " " + c.warnings()));
            Map<Long, String> actual = new HashMap<>();
            for (Map<String, Object> r : db.rows("SELECT e.row_number, e.bucket, (SELECT string_agg(w.reason, ';' "
                    + "ORDER BY w.warning_order) FROM stg_census_warnings w WHERE w.row_number = e.row_number) AS warnings "
                    + "FROM stg_census_employees e")) {
                actual.put(((Number) r.get("row_number")).longValue(), r.get("bucket") + " " + r.get("warnings"));
            }
            assertThat(actual).as("kept rows: bucket and warnings by line").isEqualTo(expected);
            assertThat(db.count("SELECT count(*) FROM stg_census_rejects WHERE reason = 'duplicate_employee_id'"))
                    .isEqualTo(candidates.size() - winners.size()).isEqualTo(3);
        }
    }
}
