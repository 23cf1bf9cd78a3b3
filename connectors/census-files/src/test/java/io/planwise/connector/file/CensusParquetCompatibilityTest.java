package io.planwise.connector.file;

import io.planwise.testing.PlanwiseData;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/** PlanWise's own census files load as they are; skipped where its data is not checked out. */
@Tag("planwise-data")
class CensusParquetCompatibilityTest {

    private Path census;

    @BeforeEach
    void findPlanWiseData() {
        census = PlanwiseData.require("census");
    }

    @Test
    void censusPreprocessedLoadsAsIs() throws Exception {
        DecodedRowDecoder decoder = new DecodedRowDecoder(
                "employee_id", "employee_birth_date", "employee_hire_date", "employee_gross_compensation");

        List<DecodedRow> rows = decoder.readAll(census.resolve("census_preprocessed.parquet"));

        assertThat(decoder.boundColumns).containsExactly(
                "employee_id", "employee_ssn", "employee_birth_date", "employee_hire_date",
                "employee_termination_date", "employee_gross_compensation", "employee_capped_compensation",
                "employee_deferral_rate", "employee_contribution", "pre_tax_contribution", "roth_contribution",
                "after_tax_contribution", "employer_core_contribution", "employer_match_contribution",
                "eligibility_entry_date", "active");
        assertThat(rows).hasSize(7_505);
        assertThat(rows.get(0).rowNumber()).isEqualTo(1);
        assertThat(rows.get(0).values()).containsExactly(
                "EMP_2025_0000001", "SSN-200000001", "1990-04-29", "2024-02-23", null, "117500.0", "117500.0",
                "0.06", "7050.0", "4935.0", "1762.5", "352.5", "3525.0", "3525.0", "2024-04-01", "true");
        assertThat(rows.get(7_504).rowNumber()).isEqualTo(7_505);
    }

    @Test
    void theOlderCensusWithDateColumnsRendersIsoDates() throws Exception {
        List<DecodedRow> rows = new DecodedRowDecoder().readAll(census.resolve("census_preprocessed copy.parquet"));

        assertThat(rows).hasSize(5_000);
        assertThat(rows.get(0).values()).containsExactly(
                "EMP_2024_000001", "SSN-100000001", "1982-03-20", "2018-10-16", null, "78000.0", "true");
    }

    @Test
    void theOriginalCensusWithNanosecondTimestampsRendersIsoTimestamps() throws Exception {
        List<DecodedRow> rows = new DecodedRowDecoder().readAll(census.resolve("original.parquet"));

        assertThat(rows).hasSize(112);
        assertThat(rows.get(0).values().subList(0, 5)).containsExactly(
                "NEW_900000001", "2017-06-30T00:00:00", "1990-02-03T00:00:00", "223494.1", null);
    }
}
