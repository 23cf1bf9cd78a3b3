package io.planwise.model.projection;

import io.planwise.model.draw.RandomDraws;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A start-of-year-1 employee as census staging leaves it, before any trial: it carries key(id), the
 * MD5 part of every draw, so each trial derives its own draw base with one mix instead of one MD5.
 */
public record BaselineEmployee(
        String employeeId,
        long employeeKey,
        LocalDate birthDate,
        LocalDate hireDate,
        long salaryCents,
        int levelId) implements Serializable {

    /** This employee in the trial whose draws these are. */
    public Employee inTrial(RandomDraws draws) {
        return new Employee(employeeId, draws.employeeBase(employeeKey), birthDate, hireDate, salaryCents, levelId);
    }
}
