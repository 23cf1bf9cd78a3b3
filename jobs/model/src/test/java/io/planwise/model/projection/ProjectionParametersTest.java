package io.planwise.model.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.planwise.model.assumptions.Assumptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MODEL.md section 3: the year-1 level is the smallest level whose [min, max) holds the salary, else
 * the highest level whose min <= salary, else the lowest level. Bundled bands (dollars):
 * 1 [56000, 80000), 2 [81000, 120000), 3 [121000, 160000), 4 [161000, 300000), 5 [275000, 500000).
 */
class ProjectionParametersTest {
    private static final ProjectionParameters P = Fixtures.params("");

    @ParameterizedTest(name = "${0} -> level {1}")
    @CsvSource({
        "60000.00, 1",    // inside band 1
        "56000.00, 1",    // on band 1's min (inclusive)
        "90000.00, 2",    // inside band 2
        "150000.00, 3",
        "200000.00, 4",
        "280000.00, 4",   // bands 4 and 5 overlap: the smallest level that holds it
        "299999.99, 4",
        "300000.00, 5",   // on band 4's max (exclusive) -> goes on to band 5
        "400000.00, 5",
        "500000.00, 5",   // on the top band's max: above every band -> the top level
        "2000000.00, 5",  // above every band -> the top level (PlanWise would say level 1)
        "50000.00, 1",    // below every band -> the lowest level
        "0.01, 1",
        "80000.00, 1",    // on band 1's max, in the gap before band 2: highest level whose min <= salary
        "80500.00, 1",    // in the gap 80000..81000
        "81000.00, 2",
        "120500.00, 2",   // in the gap 120000..121000
        "160000.00, 3",   // on band 3's max, in the gap before band 4
    })
    void levelForSalaryWithTheBundledBands(String dollars, int level) {
        long cents = new java.math.BigDecimal(dollars).movePointRight(2).longValueExact();
        assertThat(P.levelForSalary(cents)).isEqualTo(level);
    }

    @Test
    void aSalaryOnABandsMaxGoesToTheNextContiguousBand(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config_job_levels.csv"), """
                level_id,name,min_compensation,max_compensation
                1,A,50000,100000
                2,B,100000,200000
                3,C,200000,300000
                4,D,300000,400000
                5,E,400000,500000
                """);
        ProjectionParameters p = Fixtures.params("", Assumptions.load(dir));
        assertThat(p.levelForSalary(9_999_999L)).isEqualTo(1);
        assertThat(p.levelForSalary(10_000_000L)).isEqualTo(2);  // band 1's max -> band 2
        assertThat(p.levelForSalary(20_000_000L)).isEqualTo(3);  // band 2's max -> band 3
        assertThat(p.levelForSalary(40_000_000L)).isEqualTo(5);  // band 4's max -> band 5
        assertThat(p.levelForSalary(49_999_999L)).isEqualTo(5);
        assertThat(p.levelForSalary(50_000_000L)).isEqualTo(5);  // top band's max -> top level
        assertThat(p.levelForSalary(4_999_999L)).isEqualTo(1);   // below every band -> lowest
    }

    @Test
    void levelTableIsIndexedInLevelOrder() {
        assertThat(P.levelCount()).isEqualTo(5);
        assertThat(P.maxLevelId()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(P.levelId(i)).isEqualTo(i + 1);
            assertThat(P.levelIndex(i + 1)).isEqualTo(i);
        }
        assertThat(P.levelIndex(6)).isEqualTo(-1);
    }

    @Test
    void meritAndColaComeFromCompLeversUnlessTheConfigSetsThem() {
        // comp_levers 2025: merit_base 0.035 / 0.040 / 0.045 / 0.050 / 0.055, cola_rate 0.015 for every level
        assertThat(P.merit(2025, 1)).isEqualTo(0.035);
        assertThat(P.merit(2025, 5)).isEqualTo(0.055);
        assertThat(P.cola(2025, 3)).isEqualTo(0.015);
        ProjectionParameters cola = Fixtures.params("compensation:\n  cola_rate: 0.02\n");
        assertThat(cola.cola(2025, 3)).isEqualTo(0.02);
        // merit_budget 0.09: mean merit_base = 0.045, so every level's merit doubles
        ProjectionParameters budget = Fixtures.params("compensation:\n  merit_budget: 0.09\n");
        assertThat(budget.merit(2025, 1)).isCloseTo(0.07, within(1e-15));
        assertThat(budget.merit(2025, 5)).isCloseTo(0.11, within(1e-15));
    }

    @Test
    void hireAveragePayFollowsTheModelFormula() {
        // 2025 level 1: percentile 0.25, market 0.35: (56000 + 24000 x 0.25 x 0.35) x 100 = 5,810,000 cents
        assertThat(P.hireAverageCents(2025, 1)).isEqualTo(5_810_000L);
        // 2025 level 2: percentile 0.30, market 0.33: (81000 + 39000 x 0.30 x 0.33) x 100 = 8,486,100 cents
        assertThat(P.hireAverageCents(2025, 2)).isEqualTo(8_486_100L);
        // 2026 level 5: percentile 0.45, market 1.10: (275000 + 225000 x 0.45 x 1.10) x 100 = 38,637,500 cents
        assertThat(P.hireAverageCents(2026, 5)).isEqualTo(38_637_500L);
    }
}
