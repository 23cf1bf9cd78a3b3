package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** MODEL.md's tenure: floor(days / 365.25) from the hire date. */
class YearCalendarTest {
    @Test
    void tenureStepsUpOnTheDayTheQuarterDaysAddUpToAYear() {
        // 365.25 days: not a whole year after 365 days, one after 366 (4 × 366 = 1464 ≥ 1461).
        assertThat(YearCalendar.tenureYears(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).isZero();
        assertThat(YearCalendar.tenureYears(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))).isEqualTo(1);
        // 1461 days are exactly four years.
        assertThat(YearCalendar.tenureYears(0, 1461)).isEqualTo(4);
        assertThat(YearCalendar.tenureYears(0, 1460)).isEqualTo(3);
        assertThat(YearCalendar.tenureYears(1, 0)).isEqualTo(-1);
    }
}
