package io.planwise.model.projection;

import io.planwise.model.draw.RandomDraws;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calendar of one year and where an employee-year's rows go, so ages, tenure and bands are
 * derived the same way for the start-of-year workforce and for hires: an event's tenure is counted
 * to its effective date, a snapshot's to Dec 31 or the termination date; a snapshot's age is
 * Y − year(birth).
 *
 * <p>Two kinds: {@link Building} makes the event and snapshot records and hands each employee-year
 * to an {@link OutcomeSink} (a trial whose rows are written); {@link Counting} only counts what the
 * rows would say into a {@link RunLedger} (every other trial of an ensemble), because the records,
 * their event ids and boxed amounts were most of such a trial's allocations. The ledger's figures
 * are the same either way ({@link RunLedger#add(YearlyEvent)} counts a record with the same method).
 */
abstract class YearRows {
    final int year;
    final int daysInYear;
    final LocalDate january1;
    final LocalDate december31;
    /** Jan 1 and Dec 31 as day numbers ({@link LocalDate#toEpochDay}), for proration and tenure. */
    final long january1Day;
    final long december31Day;
    final LocalDate promotionDate;
    final LocalDate raiseDate;
    final long promotionDay;
    final long raiseDay;
    final ProjectionParameters p;

    YearRows(ProjectionParameters p, int year) {
        this.p = p;
        this.year = year;
        this.daysInYear = YearCalendar.daysIn(year);
        this.january1 = YearCalendar.january1(year);
        this.december31 = YearCalendar.december31(year);
        this.january1Day = january1.toEpochDay();
        this.december31Day = december31.toEpochDay();
        this.promotionDate = YearCalendar.promotionDate(year);
        this.raiseDate = YearCalendar.raiseDate(year);
        this.promotionDay = promotionDate.toEpochDay();
        this.raiseDay = raiseDate.toEpochDay();
    }

    /** One event of the employee's year, in event order (sequence 1, 2, …). */
    abstract void event(Employee e, int age, String type, String category, LocalDate date, long compensation,
            Long previousCompensation, int level, Integer previousLevel, Double probability, int sequence);

    /** The employee's year-end snapshot, after its events; {@code nextYear} is null when they left. */
    abstract void snapshot(Employee e, String status, String detailed, LocalDate terminationDate, String reason,
            long salary, long prorated, int level, Employee nextYear);

    /** Records, to an outcome sink. */
    static final class Building extends YearRows {
        private OutcomeSink sink;
        private List<YearlyEvent> events = new ArrayList<>(2);

        Building(ProjectionParameters p, int year) {
            super(p, year);
        }

        Building to(OutcomeSink sink) {
            this.sink = sink;
            return this;
        }

        @Override
        void event(Employee e, int age, String type, String category, LocalDate date, long compensation,
                Long previousCompensation, int level, Integer previousLevel, Double probability, int sequence) {
            int tenure = YearCalendar.tenureYears(e.hireDay(), date.toEpochDay());
            events.add(new YearlyEvent(p.scenarioId, p.trial, year,
                    RandomDraws.eventId(e.drawBase(), year, YearlyEvent.typeCode(type)), e.employeeId(), type, category, date, compensation, previousCompensation, level, previousLevel, age, tenure,
                    p.ageBand(age).label(), p.tenureBand(tenure).label(), probability, sequence));
        }

        @Override
        void snapshot(Employee e, String status, String detailed, LocalDate terminationDate, String reason, long salary,
                long prorated, int level, Employee nextYear) {
            int age = year - e.birthDate().getYear();
            int tenure = YearCalendar.tenureYears(e.hireDay(),
                    terminationDate != null ? terminationDate.toEpochDay() : december31Day);
            WorkforceSnapshot snapshot = new WorkforceSnapshot(p.scenarioId, p.trial, year, e.employeeId(),
                    e.birthDate(), e.hireDate(), status, detailed, terminationDate, reason, salary, prorated, level, age,
                    tenure, p.ageBand(age).label(), p.tenureBand(tenure).label());
            List<YearlyEvent> done = events;
            events = new ArrayList<>(2);
            sink.employeeYear(done, snapshot, nextYear);
        }
    }

    /** Counts only, into a ledger; next year's employees to a consumer. */
    static final class Counting extends YearRows {
        private final RunLedger ledger;
        private final Consumer<Employee> next;

        Counting(ProjectionParameters p, int year, RunLedger ledger, Consumer<Employee> next) {
            super(p, year);
            this.ledger = ledger;
            this.next = next;
        }

        @Override
        void event(Employee e, int age, String type, String category, LocalDate date, long compensation,
                Long previousCompensation, int level, Integer previousLevel, Double probability, int sequence) {
            ledger.countEvent(year, category, level, previousLevel, date.getYear());
        }

        @Override
        void snapshot(Employee e, String status, String detailed, LocalDate terminationDate, String reason, long salary,
                long prorated, int level, Employee nextYear) {
            boolean active = WorkforceSnapshot.ACTIVE.equals(status);
            ledger.countSnapshot(year, level, active, salary, prorated,
                    !active && terminationDate.isBefore(e.hireDate()));
            if (nextYear != null) {
                next.accept(nextYear);
            }
        }
    }
}
