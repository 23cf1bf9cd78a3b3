package io.planwise.model.census;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

/** Parses and validates one census row against the as-of date (see the package doc for the rules). */
public final class CensusStaging {
    public static final String MISSING_EMPLOYEE_ID = "missing_employee_id";
    public static final String INVALID_BIRTH_DATE = "invalid_birth_date";
    public static final String INVALID_HIRE_DATE = "invalid_hire_date";
    public static final String INVALID_TERMINATION_DATE = "invalid_termination_date";
    public static final String INVALID_COMPENSATION = "invalid_compensation";
    public static final String MALFORMED_ROW = "malformed_row";
    public static final String DUPLICATE_EMPLOYEE_ID = "duplicate_employee_id";

    public static final String HIRED_BEFORE_AGE_14 = "hired_before_age_14";
    public static final String AGE_OVER_100 = "age_over_100";
    public static final String COMPENSATION_OVER_10M = "compensation_over_10m";

    private static final long TEN_MILLION_CENTS = 10_000_000L * 100;
    /**
     * One billion a year: far above any salary, and low enough that no raise, proration or payroll
     * sum of ten million employees can overflow a 64-bit number of cents.
     */
    static final long MAX_COMPENSATION_CENTS = 1_000_000_000L * 100;

    private CensusStaging() {}

    public static StagedRow stage(CensusRow row, LocalDate asOf) {
        if (row.fieldCount() != row.expectedFieldCount()) {
            return reject(MALFORMED_ROW, "the row has " + row.fieldCount() + " fields but the header has "
                    + row.expectedFieldCount());
        }
        String id = row.employeeId() == null ? "" : row.employeeId().trim();
        if (id.isEmpty()) {
            return reject(MISSING_EMPLOYEE_ID, "employee_id is missing or blank");
        }
        LocalDate birth = date(row.birthDate());
        if (birth == null) {
            return reject(INVALID_BIRTH_DATE, describe(CensusRow.BIRTH_DATE, row.birthDate()));
        }
        LocalDate hire = date(row.hireDate());
        if (hire == null) {
            return reject(INVALID_HIRE_DATE, describe(CensusRow.HIRE_DATE, row.hireDate()));
        }
        LocalDate termination = null;
        if (!blank(row.terminationDate())) {
            termination = date(row.terminationDate());
            if (termination == null) {
                return reject(INVALID_TERMINATION_DATE, describe(CensusRow.TERMINATION_DATE, row.terminationDate()));
            }
        }
        Long cents = cents(row.grossCompensation());
        if (cents == null) {
            return reject(INVALID_COMPENSATION, blank(row.grossCompensation()) ? "employee_gross_compensation is missing"
                    : "employee_gross_compensation '" + row.grossCompensation().trim() + "' is not a plain decimal amount");
        }
        if (cents <= 0) {
            return reject(INVALID_COMPENSATION,
                    "employee_gross_compensation must be greater than 0, got '" + row.grossCompensation().trim() + "'");
        }
        if (cents > MAX_COMPENSATION_CENTS) {
            return reject(INVALID_COMPENSATION, "employee_gross_compensation must be at most 1000000000, got '"
                    + row.grossCompensation().trim() + "'");
        }

        StringJoiner warnings = new StringJoiner(";");
        if (hire.isBefore(birth.plusYears(14))) {
            warnings.add(HIRED_BEFORE_AGE_14);
        }
        if (ChronoUnit.YEARS.between(birth, asOf) > 100) {
            warnings.add(AGE_OVER_100);
        }
        if (cents > TEN_MILLION_CENTS) {
            warnings.add(COMPENSATION_OVER_10M);
        }
        return new StagedRow(new CensusCandidate(row.source(), row.rowNumber(), id, birth, hire, termination, cents,
                warnings.length() == 0 ? null : warnings.toString(), row.raw()), null, null);
    }

    private static StagedRow reject(String reason, String detail) {
        return new StagedRow(null, reason, detail);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String describe(String column, String value) {
        return blank(value) ? column + " is missing" : column + " '" + value.trim() + "' is not a date (expected YYYY-MM-DD)";
    }

    static LocalDate date(String text) {
        if (blank(text)) {
            return null;
        }
        String s = text.trim();
        if (s.length() > 10) {
            String time = s.substring(10);
            if (!time.matches("[T ]00:00(:00(\\.0+)?)?Z?")) {
                return null;
            }
            s = s.substring(0, 10);
        }
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Long cents(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim()).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
