package io.planwise.model.assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every loader check, each reported with file, line and column. */
class AssumptionsValidationTest {
    private static final String AGE_BANDS = "config_age_bands.csv";
    private static final String JOB_LEVELS = "config_job_levels.csv";

    @TempDir
    Path dir;

    private Path write(String fileName, String content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Loads a directory holding just this one file, and expects an error about it. */
    private AbstractThrowableAssert<?, ? extends Throwable> loadingOnly(String fileName, String content) throws IOException {
        try (Stream<Path> earlier = Files.list(dir)) {
            for (Path file : earlier.toList()) {
                Files.delete(file);
            }
        }
        write(fileName, content);
        return assertThatThrownBy(() -> Assumptions.load(dir)).isInstanceOf(AssumptionsException.class);
    }

    private String path(String fileName) {
        return dir.resolve(fileName).toString();
    }

    @Test
    void aSubsetOfFilesOverridesTheDefaultsAndTheRestFallBack() throws IOException {
        // PlanWise-style file: extra columns in another order, quoted fields with commas.
        write(JOB_LEVELS, "description,level_id,max_compensation,min_compensation,name,job_families\n"
                + "\"Entry, level\",1,60000,50000,Junior,\"['A', 'B']\"\n"
                + "Lead,2,90000,60000.005,Lead,[]\n");
        write("config_new_hire_level_distribution.csv",
                "scenario_id,level_id,distribution_pct,use_fixed_distribution\ndefault,1,0.7,TRUE\ndefault,2,0.3,true\n");
        Assumptions a = Assumptions.load(dir);
        assertThat(a.jobLevels()).containsExactly(
                new JobLevel(1, "Junior", 50000, 60000, 5_000_000L, 6_000_000L),
                new JobLevel(2, "Lead", 60000.005, 90000, 6_000_001L, 9_000_000L));
        assertThat(a.newHireLevelDistributionFixed("default")).isTrue();
        Assumptions bundled = Assumptions.bundledDefaults();
        assertThat(a.ageBands()).isEqualTo(bundled.ageBands());
        assertThat(a.compLever("default", 2025, 2, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.04));
        assertThat(a.sources()).containsEntry(JOB_LEVELS, dir.resolve(JOB_LEVELS).toAbsolutePath().toString())
                .containsEntry(AGE_BANDS, "bundled");
        assertThat(a.fingerprints().get(JOB_LEVELS)).isNotEqualTo(bundled.fingerprints().get(JOB_LEVELS));
        assertThat(a.fingerprints().get(AGE_BANDS)).isEqualTo(bundled.fingerprints().get(AGE_BANDS));
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value\n1,a,0\n")
                .hasMessage(path(AGE_BANDS) + " line 1, column max_value: required column is missing"
                        + " (the header has: band_id, band_label, min_value)");
    }

    @Test
    void aBadNumber() throws IOException {
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value,max_value\n1,a,0,25\n2,b,25,35\n3,c,35,abc\n")
                .hasMessage(path(AGE_BANDS) + " line 4, column max_value: 'abc' is not a number")
                .hasMessageEndingWith("config_age_bands.csv line 4, column max_value: 'abc' is not a number")
                .satisfies(e -> {
                    AssumptionsException ae = (AssumptionsException) e;
                    assertThat(ae.file()).isEqualTo(path(AGE_BANDS));
                    assertThat(ae.line()).isEqualTo(4);
                    assertThat(ae.column()).isEqualTo("max_value");
                });
    }

    @Test
    void anEmptyValueAndANonWholeNumber() throws IOException {
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value,max_value\n1,a,,25\n")
                .hasMessage(path(AGE_BANDS) + " line 2, column min_value: the value is missing; a number is required");
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value,max_value\n1,a,0,25.5\n")
                .hasMessage(path(AGE_BANDS) + " line 2, column max_value: '25.5' is not a whole number");
    }

    @Test
    void aRowWithTheWrongNumberOfFields() throws IOException {
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value,max_value\n1,a,0,25\n2,b,25\n")
                .hasMessage(path(AGE_BANDS) + " line 3: the row has 3 fields but the header has 4");
    }

    @Test
    void anEmptyTable() throws IOException {
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value,max_value\n")
                .hasMessage(path(AGE_BANDS) + " line 1: the table has no data rows");
        loadingOnly(AGE_BANDS, "")
                .hasMessage(path(AGE_BANDS) + ": the file is empty; a header and at least one row are required");
    }

    @Test
    void bandsMustChainFromZero() throws IOException {
        String header = "band_id,band_label,min_value,max_value\n";
        loadingOnly(AGE_BANDS, header + "1,a,0,25\n2,b,30,999\n")
                .hasMessage(path(AGE_BANDS) + " line 3, column min_value: band 'b' starting at 30 leaves a gap after band 'a'"
                        + " [0, 25); each band must start where the previous one ends");
        loadingOnly(AGE_BANDS, header + "1,a,0,25\n2,b,20,999\n")
                .hasMessage(path(AGE_BANDS) + " line 3, column min_value: band 'b' starting at 20 overlaps band 'a'"
                        + " [0, 25); each band must start where the previous one ends");
        loadingOnly(AGE_BANDS, header + "1,a,0,25\n2,b,25,25\n")
                .hasMessage(path(AGE_BANDS) + " line 3, column max_value: '25' is not above min_value 25");
        loadingOnly(AGE_BANDS, header + "2,b,25,999\n1,a,18,25\n")
                .hasMessage(path(AGE_BANDS) + " line 3, column min_value: the lowest band 'a' starts at 18; it must start at 0");
    }

    @Test
    void duplicateKeys() throws IOException {
        String header = "band_id,band_label,min_value,max_value\n";
        loadingOnly(AGE_BANDS, header + "1,a,0,25\n1,b,25,999\n")
                .hasMessage(path(AGE_BANDS) + " line 3, column band_id: duplicate band_id 1 (first on line 2)");
        loadingOnly(AGE_BANDS, header + "1,a,0,25\n2,a,25,999\n")
                .hasMessage(path(AGE_BANDS) + " line 3, column band_label: duplicate band_label 'a' (first on line 2)");
        loadingOnly(JOB_LEVELS, "level_id,name,min_compensation,max_compensation\n1,A,1,2\n2,B,2,3\n1,C,3,4\n")
                .hasMessage(path(JOB_LEVELS) + " line 4, column level_id: duplicate level_id 1 (first on line 2)");
        loadingOnly("config_termination_hazard_age_multipliers.csv",
                "age_band,multiplier\n< 25,1\n25-34,1\n< 25,2\n")
                .hasMessage(path("config_termination_hazard_age_multipliers.csv")
                        + " line 4, column age_band: duplicate band '< 25' (first on line 2)");
        loadingOnly("comp_levers.csv", "scenario_id,fiscal_year,job_level,event_type,parameter_name,parameter_value\n"
                + "default,2025,1,RAISE,merit_base,0.03\ndefault,2025,1,RAISE,cola_rate,0.01\ndefault,2025,1,RAISE,merit_base,0.04\n")
                .hasMessage(path("comp_levers.csv") + " line 4, column parameter_value: duplicate RAISE merit_base for"
                        + " scenario 'default', fiscal_year 2025, job_level 1 (first on line 2)");
        loadingOnly("config_new_hire_age_distribution.csv", "scenario_id,hire_age,age_weight\ndefault,25,0.5\ndefault,25,0.5\n")
                .hasMessage(path("config_new_hire_age_distribution.csv")
                        + " line 3, column hire_age: duplicate hire_age 25 for scenario 'default' (first on line 2)");
        loadingOnly("config_new_hire_level_distribution.csv",
                "scenario_id,level_id,distribution_pct,use_fixed_distribution\ns,1,0.5,true\ns,1,0.5,true\n")
                .hasMessage(path("config_new_hire_level_distribution.csv")
                        + " line 3, column level_id: duplicate level_id 1 for scenario 's' (first on line 2)");
    }

    @Test
    void jobLevelRanges() throws IOException {
        loadingOnly(JOB_LEVELS, "level_id,name,min_compensation,max_compensation\n1,A,100,100\n")
                .hasMessage(path(JOB_LEVELS) + " line 2, column max_compensation: '100' is not above min_compensation 100");
        loadingOnly(JOB_LEVELS, "level_id,name,min_compensation,max_compensation\n1,A,1,2\n3,C,3,4\n")
                .hasMessage(path(JOB_LEVELS) + " line 3, column level_id: level ids must be consecutive"
                        + " (a promotion moves up one level), but 3 follows 1");
        loadingOnly(JOB_LEVELS, "level_id,name,min_compensation,max_compensation\n0,A,1,2\n")
                .hasMessage(path(JOB_LEVELS) + " line 2, column level_id: '0' is not a positive level id");
        loadingOnly(JOB_LEVELS, "level_id,name,min_compensation,max_compensation\n1,A,-1,2\n")
                .hasMessage(path(JOB_LEVELS) + " line 2, column min_compensation: '-1' is negative; it must be at least 0");
    }

    @Test
    void negativeMultiplier() throws IOException {
        String file = "config_promotion_hazard_tenure_multipliers.csv";
        loadingOnly(file, "tenure_band,multiplier\n< 2,0.5\n2-4,-1.5\n5-9,1\n10-19,1\n20+,1\n")
                .hasMessage(path(file) + " line 3, column multiplier: '-1.5' is negative; it must be at least 0");
    }

    @Test
    void multiplierLabelsMustMatchTheBands() throws IOException {
        String file = "config_termination_hazard_tenure_multipliers.csv";
        loadingOnly(file, "tenure_band,multiplier\n< 2,1\n2-4,1\n5-9,1\n10-20,1\n20+,1\n")
                .hasMessage(path(file) + " line 5, column tenure_band: '10-20' is not a band_label of config_tenure_bands.csv");
        loadingOnly(file, "tenure_band,multiplier\n< 2,1\n2-4,1\n5-9,1\n20+,1\n")
                .hasMessage(path(file) + ", column tenure_band: no multiplier for band '10-19' of config_tenure_bands.csv");
    }

    @Test
    void changedBandsWithoutMatchingMultipliersPointAtTheBundledFile() throws IOException {
        loadingOnly(AGE_BANDS, "band_id,band_label,min_value,max_value\n1,young,0,40\n2,old,40,999\n")
                .hasMessage("bundled config_termination_hazard_age_multipliers.csv line 2, column age_band:"
                        + " '< 25' is not a band_label of config_age_bands.csv");
    }

    @Test
    void probabilitiesMustLieInZeroToOne() throws IOException {
        loadingOnly("config_termination_hazard_base.csv",
                "base_rate_for_new_hire,level_discount_factor,min_level_discount_multiplier\n1.2,0.1,0.4\n")
                .hasMessage(path("config_termination_hazard_base.csv") + " line 2, column base_rate_for_new_hire: '1.2' is outside [0, 1]");
        loadingOnly("config_promotion_hazard_base.csv", "base_rate,level_dampener_factor\n0.04,-0.15\n")
                .hasMessage(path("config_promotion_hazard_base.csv") + " line 2, column level_dampener_factor: '-0.15' is outside [0, 1]");
        loadingOnly("config_new_hire_level_distribution.csv",
                "scenario_id,level_id,distribution_pct,use_fixed_distribution\ns,1,1.5,true\n")
                .hasMessage(path("config_new_hire_level_distribution.csv") + " line 2, column distribution_pct: '1.5' is outside [0, 1]");
        loadingOnly("comp_levers.csv", "scenario_id,fiscal_year,job_level,event_type,parameter_name,parameter_value\n"
                + "default,2025,1,HIRE,compensation_percentile,1.5\n")
                .hasMessage(path("comp_levers.csv") + " line 2, column parameter_value: '1.5' is outside [0, 1]");
    }

    @Test
    void hazardBaseTablesHaveOneRow() throws IOException {
        loadingOnly("config_promotion_hazard_base.csv", "base_rate,level_dampener_factor\n0.04,0.15\n0.05,0.15\n")
                .hasMessage(path("config_promotion_hazard_base.csv") + " line 3: the table must have exactly one data row, found 2");
    }

    @Test
    void ageWeightsMustNotAllBeZero() throws IOException {
        String file = "config_new_hire_age_distribution.csv";
        loadingOnly(file, "scenario_id,hire_age,age_weight\ndefault,25,0.5\nlean,30,0\nlean,40,0.0000001\n")
                .hasMessage(path(file) + " line 3, column age_weight: every age_weight of scenario 'lean' is zero"
                        + " (after rounding to 10^-6)");
        loadingOnly(file, "scenario_id,hire_age,age_weight\ndefault,25,-0.5\n")
                .hasMessage(path(file) + " line 2, column age_weight: '-0.5' is outside [0, 1000000]");
        loadingOnly(file, "scenario_id,hire_age,age_weight\ndefault,12,0.5\n")
                .hasMessage(path(file) + " line 2, column hire_age: '12' is outside [14, 100]");
    }

    @Test
    void ageWeightsAreExactMicros() throws IOException {
        write("config_new_hire_age_distribution.csv",
                "scenario_id,hire_age,age_weight\ndefault,30,0.1234565\ndefault,25,0.0000005\nbig,40,3\n");
        Assumptions a = Assumptions.load(dir);
        // Half away from zero on the exact decimal; 0.1234565 is not representable as a double.
        assertThat(a.newHireAgeDistribution("default")).containsExactly(new AgeWeight(25, 1), new AgeWeight(30, 123_457));
        assertThat(a.newHireAgeDistribution("big")).containsExactly(new AgeWeight(40, 3_000_000));
    }

    @Test
    void levelDistributionRules() throws IOException {
        String file = "config_new_hire_level_distribution.csv";
        String header = "scenario_id,level_id,distribution_pct,use_fixed_distribution\n";
        loadingOnly(file, header + "s,1,0.5,true\ns,2,0.5,false\n")
                .hasMessage(path(file) + " line 3, column use_fixed_distribution: scenario 's' has use_fixed_distribution"
                        + " true on line 2 but false here; all rows of a scenario must agree");
        loadingOnly(file, header + "s,1,0.5,true\ns,7,0.5,true\n")
                .hasMessage(path(file) + " line 3, column level_id: level 7 is not a level_id of config_job_levels.csv");
        loadingOnly(file, header + "s,1,0,true\ns,2,0,true\n")
                .hasMessage(path(file) + " line 2, column distribution_pct: scenario 's' uses a fixed distribution"
                        + " but every distribution_pct is zero");
        loadingOnly(file, header + "s,1,0.5,maybe\n")
                .hasMessage(path(file) + " line 2, column use_fixed_distribution: 'maybe' is not true or false");
    }

    @Test
    void levelDistributionFallsBackToDefaultRows() throws IOException {
        write("config_new_hire_level_distribution.csv", "scenario_id,level_id,distribution_pct,use_fixed_distribution\n"
                + "default,2,0.4,1\ndefault,1,0.6,1\nlean,3,1,0\n");
        Assumptions a = Assumptions.load(dir);
        assertThat(a.newHireLevelDistribution("x")).containsExactly(new LevelShare(1, 600_000), new LevelShare(2, 400_000));
        assertThat(a.newHireLevelDistributionFixed("x")).isTrue();
        assertThat(a.newHireLevelDistribution("lean")).containsExactly(new LevelShare(3, 1_000_000));
        assertThat(a.newHireLevelDistributionFixed("lean")).isFalse();
    }

    @Test
    void compLeverScenarioAndYearFallback() throws IOException {
        write("comp_levers.csv", "scenario_id,fiscal_year,job_level,event_type,parameter_name,parameter_value,is_locked\n"
                + "default,2025,1,RAISE,merit_base,0.03,1\n"
                + "default,2027,1,RAISE,merit_base,0.05,1\n"
                + "default,2025,2,RAISE,merit_base,0.04,1\n"
                + "default,2025,1,RAISE,cola_rate,0.01,1\n"
                + "lean,2026,1,RAISE,merit_base,0.02,1\n"
                + "default,2025,1,DEFERRAL_ESCALATION,escalation_rate,not-a-number,1\n");
        Assumptions a = Assumptions.load(dir);
        assertThat(a.compLever("default", 2024, 1, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.03));
        assertThat(a.compLever("default", 2026, 1, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.03));
        assertThat(a.compLever("default", 2027, 1, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.05));
        assertThat(a.compLever("default", 2099, 1, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.05));
        // lean has merit_base rows, so they apply (its earliest year before 2026) ...
        assertThat(a.compLever("lean", 2025, 1, "RAISE", "merit_base")).isEqualTo(OptionalDouble.of(0.02));
        // ... and only for its own levels: lean has merit_base rows, none for level 2.
        assertThat(a.compLever("lean", 2025, 2, "RAISE", "merit_base")).isEmpty();
        // lean has no cola_rate rows: default's apply.
        assertThat(a.compLever("lean", 2025, 1, "RAISE", "cola_rate")).isEqualTo(OptionalDouble.of(0.01));
        assertThat(a.compLever("default", 2025, 1, "HIRE", "compensation_percentile")).isEmpty();
    }

    @Test
    void csvSyntaxErrorsNameTheFile() throws IOException {
        loadingOnly(JOB_LEVELS, "level_id,name,min_compensation,max_compensation\n1,\"Staff,1,2\n")
                .hasMessage(path(JOB_LEVELS) + " line 2: quoted field is never closed");
    }

    @Test
    void theDirectoryMustExistAndHoldAtLeastOneFile() throws IOException {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> Assumptions.load(missing)).isInstanceOf(AssumptionsException.class)
                .hasMessage(missing + ": is not a directory");
        write("unrelated.csv", "a\n1\n");
        assertThatThrownBy(() -> Assumptions.load(dir)).isInstanceOf(AssumptionsException.class)
                .hasMessageStartingWith(dir + ": holds none of the assumption files (config_job_levels.csv, ");
    }

    @Test
    void nonUtf8TextIsRejected() throws IOException {
        Files.write(dir.resolve(JOB_LEVELS), new byte[] {'l', 'e', 'v', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Assumptions.load(dir)).hasMessage(path(JOB_LEVELS) + ": is not UTF-8 text");
    }
}
