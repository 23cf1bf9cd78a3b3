package io.planwise.model.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MODEL.md section 1.1 staging rules, plus the decisions documented in the census package doc. */
class CensusStagingTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    private static CensusRow row(String id, String birth, String hire, String termination, String comp) {
        return new CensusRow("census.csv", 2, id, birth, hire, termination, comp, 7, 7,
                id + ",999-00-0000," + birth + "," + hire + "," + termination + "," + comp + ",true");
    }

    private static CensusRow good() {
        return row("EMP_000001", "1985-04-12", "2015-06-01", null, "85000.00");
    }

    private static StagedRow stage(CensusRow row) {
        return CensusStaging.stage(row, AS_OF);
    }

    @Test
    void compensationAboveOneBillionIsRejectedSoNothingDownstreamCanOverflow() {
        StagedRow atCap = stage(row("E1", "1985-04-12", "2015-06-01", null, "1000000000"));
        assertThat(atCap.rejected()).isFalse();
        assertThat(atCap.candidate().compensationCents()).isEqualTo(100_000_000_000L);

        StagedRow above = stage(row("E1", "1985-04-12", "2015-06-01", null, "1000000000.01"));
        assertThat(above.rejectReason()).isEqualTo(CensusStaging.INVALID_COMPENSATION);
        assertThat(above.rejectDetail()).isEqualTo("employee_gross_compensation must be at most 1000000000, got '1000000000.01'");

        // 2^63 cents: beyond a long, so not an amount at all
        StagedRow huge = stage(row("E1", "1985-04-12", "2015-06-01", null, "92233720368547758.08"));
        assertThat(huge.rejectDetail()).isEqualTo("employee_gross_compensation '92233720368547758.08' is not a plain decimal amount");
        assertThat(stage(row("E1", "1985-04-12", "2015-06-01", null, "$100")).rejectDetail())
                .isEqualTo("employee_gross_compensation '$100' is not a plain decimal amount");
    }

    @Test
    void aCleanRowBecomesACandidate() {
        StagedRow staged = stage(good());
        assertThat(staged.rejected()).isFalse();
        assertThat(staged.rejectReason()).isNull();
        CensusCandidate c = staged.candidate();
        assertThat(c.employeeId()).isEqualTo("EMP_000001");
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1985, 4, 12));
        assertThat(c.hireDate()).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(c.terminationDate()).isNull();
        assertThat(c.compensationCents()).isEqualTo(8_500_000L);
        assertThat(c.warnings()).isNull();
        assertThat(c.source()).isEqualTo("census.csv");
        assertThat(c.rowNumber()).isEqualTo(2);
        assertThat(c.raw()).isEqualTo(good().raw());
        assertThat(c.bucket(AS_OF)).isEqualTo(CensusBucket.BASELINE);
    }

    private static void assertRejected(CensusRow row, String reason) {
        StagedRow staged = stage(row);
        assertThat(staged.rejected()).as("row %s", row).isTrue();
        assertThat(staged.candidate()).isNull();
        assertThat(staged.rejectReason()).isEqualTo(reason);
        assertThat(staged.rejectDetail()).isNotBlank();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   \t"})
    void aMissingOrBlankIdIsRejected(String id) {
        assertRejected(row(id, "1985-04-12", "2015-06-01", null, "85000"), CensusStaging.MISSING_EMPLOYEE_ID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "01/15/1985", "1985/01/15", "15-01-1985", "1985-13-01", "1985-02-30", "1985-1-5",
            "abc", "1985-01-15 13:45:00"})
    void aMissingOrUnparseableBirthDateIsRejected(String birth) {
        assertRejected(row("E1", birth, "2015-06-01", null, "85000"), CensusStaging.INVALID_BIRTH_DATE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "01/15/2020", "2020/01/15", "2023-02-29", "20200115", "yesterday"})
    void aMissingOrUnparseableHireDateIsRejected(String hire) {
        assertRejected(row("E1", "1985-04-12", hire, null, "85000"), CensusStaging.INVALID_HIRE_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/31/2023", "2023-12-32", "never", "2023-06-15 08:00"})
    void anUnparseableTerminationDateIsRejected(String termination) {
        assertRejected(row("E1", "1985-04-12", "2015-06-01", termination, "85000"), CensusStaging.INVALID_TERMINATION_DATE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "$85,000", "85,000.00", "0", "0.00", "-1", "-85000.50"})
    void missingNonNumericOrNonPositiveCompensationIsRejected(String comp) {
        assertRejected(row("E1", "1985-04-12", "2015-06-01", null, comp), CensusStaging.INVALID_COMPENSATION);
    }

    @Test
    void aRowWithTheWrongFieldCountIsRejected() {
        CensusRow shortRow = new CensusRow("census.csv", 9, "E1", "1985-04-12", "2015-06-01", null, "85000", 6, 7, "raw");
        assertRejected(shortRow, CensusStaging.MALFORMED_ROW);
        CensusRow longRow = new CensusRow("census.csv", 9, "E1", "1985-04-12", "2015-06-01", null, "85000", 8, 7, "raw");
        assertRejected(longRow, CensusStaging.MALFORMED_ROW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-06-01 00:00:00", "2015-06-01T00:00:00", "2015-06-01T00:00", "2015-06-01 00:00:00.000",
            "2015-06-01T00:00:00Z", " 2015-06-01 "})
    void aDateWithAMidnightTimePartIsAccepted(String hire) {
        StagedRow staged = stage(row("E1", "1985-04-12", hire, null, "85000"));
        assertThat(staged.rejected()).isFalse();
        assertThat(staged.candidate().hireDate()).isEqualTo(LocalDate.of(2015, 6, 1));
    }

    @ParameterizedTest(name = "{0} -> {1} cents")
    @CsvSource({
        "85000, 8500000",
        "85000.5, 8500050",
        "12345.675, 1234568",   // half a cent rounds away from zero
        "12345.674, 1234567",
        "12345.665, 1234567",   // not banker's rounding
        "' 50000.00 ', 5000000",
        "0.01, 1",
        "60000.999, 6000100",
    })
    void compensationIsRoundedToCents(String comp, long cents) {
        StagedRow staged = stage(row("E1", "1985-04-12", "2015-06-01", null, comp));
        assertThat(staged.rejected()).isFalse();
        assertThat(staged.candidate().compensationCents()).isEqualTo(cents);
    }

    @Test
    void theIdIsTrimmed() {
        assertThat(stage(row("  EMP_7 ", "1985-04-12", "2015-06-01", null, "85000")).candidate().employeeId())
                .isEqualTo("EMP_7");
    }

    @Test
    void hiredBeforeTheFourteenthBirthdayIsAWarning() {
        // born 2000-06-01: the 14th birthday is 2014-06-01
        CensusCandidate early = stage(row("E1", "2000-06-01", "2014-05-31", null, "30000")).candidate();
        assertThat(early).isNotNull();
        assertThat(early.warnings()).isEqualTo(CensusStaging.HIRED_BEFORE_AGE_14);
        CensusCandidate onTheDay = stage(row("E1", "2000-06-01", "2014-06-01", null, "30000")).candidate();
        assertThat(onTheDay.warnings()).isNull();
    }

    @Test
    void anAgeOverOneHundredIsAWarning() {
        // born 1920-03-01: 104 on 2024-12-31
        CensusCandidate old = stage(row("E1", "1920-03-01", "1960-01-01", null, "30000")).candidate();
        assertThat(old).isNotNull();
        assertThat(old.warnings()).isEqualTo(CensusStaging.AGE_OVER_100);
        // born 1950: 74
        assertThat(stage(row("E1", "1950-03-01", "1980-01-01", null, "30000")).candidate().warnings()).isNull();
    }

    @Test
    void compensationOverTenMillionIsAWarning() {
        CensusCandidate rich = stage(row("E1", "1970-01-01", "2000-01-01", null, "10000000.01")).candidate();
        assertThat(rich).isNotNull();
        assertThat(rich.compensationCents()).isEqualTo(1_000_000_001L);
        assertThat(rich.warnings()).isEqualTo(CensusStaging.COMPENSATION_OVER_10M);
        assertThat(stage(row("E1", "1970-01-01", "2000-01-01", null, "10000000")).candidate().warnings()).isNull();
    }

    @Test
    void warningsAccumulate() {
        CensusCandidate all = stage(row("E1", "1915-01-01", "1920-01-01", null, "20000000")).candidate();
        assertThat(all).isNotNull();
        assertThat(all.warnings().split(";")).containsExactlyInAnyOrder(CensusStaging.HIRED_BEFORE_AGE_14,
                CensusStaging.AGE_OVER_100, CensusStaging.COMPENSATION_OVER_10M);
    }

    @Test
    void bucketsAgainstTheAsOfDate() {
        // terminated on or before the as-of date
        assertThat(candidate("2015-06-01", "2024-12-31").bucket(AS_OF)).isEqualTo(CensusBucket.TERMINATED_BEFORE_START);
        assertThat(candidate("2015-06-01", "2020-03-15").bucket(AS_OF)).isEqualTo(CensusBucket.TERMINATED_BEFORE_START);
        // terminating after the as-of date: still on the books at the start
        assertThat(candidate("2015-06-01", "2025-01-01").bucket(AS_OF)).isEqualTo(CensusBucket.BASELINE);
        // hired after the as-of date
        assertThat(candidate("2025-01-01", null).bucket(AS_OF)).isEqualTo(CensusBucket.NOT_YET_HIRED);
        assertThat(candidate("2025-03-01", "2025-09-01").bucket(AS_OF)).isEqualTo(CensusBucket.NOT_YET_HIRED);
        // hired on the as-of date
        assertThat(candidate("2024-12-31", null).bucket(AS_OF)).isEqualTo(CensusBucket.BASELINE);
        assertThat(candidate("2010-01-01", null).bucket(AS_OF)).isEqualTo(CensusBucket.BASELINE);
        assertThat(CensusBucket.TERMINATED_BEFORE_START.label).isEqualTo("terminated_before_start");
        assertThat(CensusBucket.NOT_YET_HIRED.label).isEqualTo("not_yet_hired");
        assertThat(CensusBucket.BASELINE.label).isEqualTo("baseline");
        assertThat(CensusBucket.REJECTED.label).isEqualTo("rejected");
    }

    private static CensusCandidate candidate(String hire, String termination) {
        StagedRow staged = stage(row("E1", "1980-01-01", hire, termination, "70000"));
        assertThat(staged.rejected()).isFalse();
        return staged.candidate();
    }
}
