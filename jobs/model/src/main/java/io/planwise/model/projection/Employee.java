package io.planwise.model.projection;

import java.time.LocalDate;

/**
 * An employee as carried from one year-end to the next start of year: only what the next year
 * needs. Ages, tenure and bands are recomputed from the dates each year (MODEL.md section 7), so
 * they are not carried.
 *
 * @param drawBase mm64(key(employee_id) XOR seed_key); every draw and event id of this employee
 *     derives from it, so the MD5 is paid once per run, not once per draw
 * @param hireDay the hire date as a day number ({@link LocalDate#toEpochDay}), which every tenure
 *     and proration counts from: derived once per employee instead of several times per year
 */
public record Employee(
        String employeeId,
        long drawBase,
        LocalDate birthDate,
        LocalDate hireDate,
        long hireDay,
        long salaryCents,
        int levelId) {

    public Employee(String employeeId, long drawBase, LocalDate birthDate, LocalDate hireDate, long salaryCents,
            int levelId) {
        this(employeeId, drawBase, birthDate, hireDate, hireDate.toEpochDay(), salaryCents, levelId);
    }

    public Employee carriedForward(long salaryCents, int levelId) {
        return new Employee(employeeId, drawBase, birthDate, hireDate, hireDay, salaryCents, levelId);
    }
}
