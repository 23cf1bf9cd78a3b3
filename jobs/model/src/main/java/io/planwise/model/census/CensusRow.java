package io.planwise.model.census;

/**
 * One census row as read, still text: the MODEL.md section 1.1 columns (null when absent or
 * empty), where it came from, and the raw row for the data-quality mart.
 *
 * @param fieldCount fields the row actually had
 * @param expectedFieldCount fields the header declared
 */
public record CensusRow(
        String source,
        long rowNumber,
        String employeeId,
        String birthDate,
        String hireDate,
        String terminationDate,
        String grossCompensation,
        int fieldCount,
        int expectedFieldCount,
        String raw) {

    public static final String EMPLOYEE_ID = "employee_id";
    public static final String BIRTH_DATE = "employee_birth_date";
    public static final String HIRE_DATE = "employee_hire_date";
    public static final String TERMINATION_DATE = "employee_termination_date";
    public static final String GROSS_COMPENSATION = "employee_gross_compensation";

    /** Columns a census must have; employee_termination_date is optional. */
    public static final java.util.List<String> REQUIRED_COLUMNS =
            java.util.List.of(EMPLOYEE_ID, BIRTH_DATE, HIRE_DATE, GROSS_COMPENSATION);
}
