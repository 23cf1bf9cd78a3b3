package io.planwise.model.projection;

import io.planwise.model.draw.RandomDraws;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.time.LocalDate;

/**
 * The calendar of one year and the builder of its event and snapshot rows, so ages, tenure and bands are derived the same
 * way for the start-of-year workforce and for hires: an event's tenure is counted to its effective
 * date, a snapshot's to Dec 31 or the termination date; a snapshot's age is Y - year(birth).
 */
final class YearRows {
    final int year;
    final int daysInYear;
    final LocalDate january1;
    final LocalDate december31;
    private final ProjectionParameters p;

    YearRows(ProjectionParameters p, int year) {
        this.p = p;
        this.year = year;
        this.daysInYear = YearCalendar.daysIn(year);
        this.january1 = YearCalendar.january1(year);
        this.december31 = YearCalendar.december31(year);
    }

    YearlyEvent event(Employee e, int age, String type, String category, LocalDate date, long compensation,
            Long previousCompensation, int level, Integer previousLevel, Double probability, int sequence) {
        int tenure = YearCalendar.tenureYears(e.hireDate(), date);
        return new YearlyEvent(p.scenarioId, p.trial, year,
                RandomDraws.eventId(e.drawBase(), year, YearlyEvent.typeCode(type)), e.employeeId(), type, category,
                date, compensation, previousCompensation, level, previousLevel, age, tenure,
                p.ageBand(age).label(), p.tenureBand(tenure).label(), probability, sequence);
    }

    WorkforceSnapshot snapshot(Employee e, String status, String detailed, LocalDate terminationDate, String reason,
            long salary, long prorated, int level) {
        int age = year - e.birthDate().getYear();
        int tenure = YearCalendar.tenureYears(e.hireDate(), terminationDate != null ? terminationDate : december31);
        return new WorkforceSnapshot(p.scenarioId, p.trial, year, e.employeeId(), e.birthDate(), e.hireDate(), status,
                detailed, terminationDate, reason, salary, prorated, level, age, tenure, p.ageBand(age).label(),
                p.tenureBand(tenure).label());
    }
}
