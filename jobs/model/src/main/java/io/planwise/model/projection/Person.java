package io.planwise.model.projection;

import java.time.LocalDate;

/**
 * What stays the same about an employee from year to year of a trial: who they are, their draws'
 * base and their dates. Made once per employee and trial (from the baseline, or at hire); the
 * year's pay and level are kept beside it by the {@link Workforce}.
 *
 * @param drawBase mm64(key(employee_id) XOR seed_key); every draw and event id of this employee
 *     derives from it, so the MD5 is paid once per run, not once per draw
 * @param hireDay the hire date as a day number ({@link LocalDate#toEpochDay}), which every tenure
 *     and proration counts from: derived once per employee instead of several times per year
 */
public record Person(String employeeId, long drawBase, LocalDate birthDate, LocalDate hireDate, long hireDay) {

    public Person(String employeeId, long drawBase, LocalDate birthDate, LocalDate hireDate) {
        this(employeeId, drawBase, birthDate, hireDate, hireDate.toEpochDay());
    }
}
