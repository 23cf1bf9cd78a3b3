package io.planwise.model.projection;

import java.time.LocalDate;

/** Calendar arithmetic of the year loop, written once so every step counts days the same way. */
public final class YearCalendar {
    public static final int PROMOTION_MONTH = 2;
    public static final int RAISE_MONTH = 7;
    public static final int RAISE_DAY = 15;

    private YearCalendar() {}

    public static LocalDate january1(int year) {
        return LocalDate.of(year, 1, 1);
    }

    public static LocalDate december31(int year) {
        return LocalDate.of(year, 12, 31);
    }

    public static int daysIn(int year) {
        return LocalDate.of(year, 1, 1).lengthOfYear();
    }

    public static LocalDate promotionDate(int year) {
        return LocalDate.of(year, PROMOTION_MONTH, 1);
    }

    public static LocalDate raiseDate(int year) {
        return LocalDate.of(year, RAISE_MONTH, RAISE_DAY);
    }

    /** floor(days(hire -> date) / 365.25), MODEL.md's tenure. */
    public static int tenureYears(LocalDate hireDate, LocalDate asOf) {
        return tenureYears(hireDate.toEpochDay(), asOf.toEpochDay());
    }

    /**
     * The same from day numbers ({@link LocalDate#toEpochDay}): the year loop keeps its dates' day
     * numbers, because deriving them is most of what this arithmetic costs per employee-year.
     */
    public static int tenureYears(long hireDay, long asOfDay) {
        return (int) Math.floor((asOfDay - hireDay) / 365.25);
    }
}
