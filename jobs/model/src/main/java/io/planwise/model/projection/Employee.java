package io.planwise.model.projection;

import java.time.LocalDate;

/**
 * An employee in one year: the {@link Person} and their pay and level at the start of that year,
 * as carried from one year-end to the next start of year. Ages, tenure and bands are recomputed
 * from the dates each year (MODEL.md section 7), so they are not carried. A short-lived value: the
 * {@link Workforce} keeps the person and the pay in arrays and makes an employee when one is read.
 */
public record Employee(Person person, long salaryCents, int levelId) {

    public Employee(String employeeId, long drawBase, LocalDate birthDate, LocalDate hireDate, long salaryCents,
            int levelId) {
        this(new Person(employeeId, drawBase, birthDate, hireDate), salaryCents, levelId);
    }

    public Employee carriedForward(long salaryCents, int levelId) {
        return new Employee(person, salaryCents, levelId);
    }

    public String employeeId() {
        return person.employeeId();
    }

    public long drawBase() {
        return person.drawBase();
    }

    public LocalDate birthDate() {
        return person.birthDate();
    }

    public LocalDate hireDate() {
        return person.hireDate();
    }

    public long hireDay() {
        return person.hireDay();
    }
}
