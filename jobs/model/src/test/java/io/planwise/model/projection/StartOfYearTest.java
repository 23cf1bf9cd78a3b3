package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MODEL.md section 3: age = (Y-1) - year(birth); tenure = floor(days(hire -> Dec 31 of Y-1) / 365.25). */
class StartOfYearTest {
    private static final ProjectionParameters P = Fixtures.params("simulation:\n  start_year: 2025\n  end_year: 2026\n");

    private static StartOfYear start(String birth, String hire, int year) {
        Employee e = Fixtures.employee(P, "EMP_000001", LocalDate.parse(birth), LocalDate.parse(hire), 9_000_000, 2);
        return StartOfYear.of(P, e, year);
    }

    @ParameterizedTest(name = "born {0}, Y = {1} -> age {2}")
    @CsvSource({
        "1990-01-01, 2025, 34",  // 2024 - 1990
        "1990-12-31, 2025, 34",  // the birthday does not matter, only the year
        "1990-06-15, 2026, 35",
        "1960-02-29, 2025, 64",
        "1959-12-31, 2025, 65",
    })
    void ageIsLastYearMinusBirthYear(String birth, int year, int age) {
        assertThat(start(birth, "2015-01-01", year).age()).isEqualTo(age);
    }

    @ParameterizedTest(name = "hired {0}, Y = {1} -> {2} days / 365.25 -> tenure {3}")
    @CsvSource({
        // 2024-12-31 is the as-of date for Y = 2025
        "2024-12-31, 2025, 0, 0",
        "2024-01-01, 2025, 365, 0",      // 365 / 365.25 = 0.9993: a full leap year is not yet 1
        "2023-12-31, 2025, 366, 1",      // 366 / 365.25 = 1.002
        "2023-01-01, 2025, 730, 1",      // 365 + 365
        "2020-12-31, 2025, 1461, 4",     // 4 x 365.25 exactly, across Feb 29 2024
        "2021-01-01, 2025, 1460, 3",     // one day short of 4 x 365.25
        "2020-01-01, 2025, 1826, 4",     // 366 + 3 x 365 + 365 = 1826 -> 4.9993
        "2020-01-01, 2026, 2191, 5",     // + 365 to 2025-12-31 -> 5.9986
        "2000-02-29, 2025, 9072, 24",    // 9072 / 365.25 = 24.838
    })
    void tenureIsWholeYearsOf365Point25Days(String hire, int year, long days, int tenure) {
        // the day counts in the table are by hand; check them against the calendar so the table stays honest
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(hire), LocalDate.of(year - 1, 12, 31)))
                .isEqualTo(days);
        assertThat(start("1980-05-05", hire, year).tenure()).isEqualTo(tenure);
    }

    @Test
    void carriesTheTerminationHazardWeight() {
        // born 1990 -> age 34 (25-34: 1.3); hired 2020-12-31 -> tenure 4 (2-4: 0.6); level 2 -> 0.9
        // w = round(0.42 x 1.3 x 0.6 x 0.9 x 1e9) = 294,840,000
        StartOfYear s = start("1990-03-03", "2020-12-31", 2025);
        assertThat(s.year()).isEqualTo(2025);
        assertThat(s.age()).isEqualTo(34);
        assertThat(s.tenure()).isEqualTo(4);
        assertThat(s.hazardWeight()).isEqualTo(294_840_000L);
    }

    @Test
    void populationTalliesHeadcountWeightAndLevels() {
        Population pop = Population.empty(P.levelCount());
        Employee a = Fixtures.employee(P, "A", LocalDate.of(1990, 1, 1), LocalDate.of(2020, 12, 31), 9_000_000, 2);
        Employee b = Fixtures.employee(P, "B", LocalDate.of(2002, 1, 1), LocalDate.of(2024, 6, 1), 6_000_000, 1);
        pop.add(P, StartOfYear.of(P, a, 2025));
        pop.add(P, StartOfYear.of(P, b, 2025));
        // A: 294,840,000 (above). B: age 22 (<25: 0.7), tenure 0 (<2: 1.8), level 1 -> 0.5292 -> 529,200,000.
        assertThat(pop.headcount()).isEqualTo(2);
        assertThat(pop.totalHazardWeight()).isEqualTo(294_840_000L + 529_200_000L);
        assertThat(pop.headcountByLevel()).containsExactly(1, 1, 0, 0, 0);

    }
}
