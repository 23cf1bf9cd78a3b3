package io.planwise.model.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticCensusTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    private static String csv(long seed, long rows) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticCensus(seed, AS_OF).writeCsv(rows, out);
        return out.toString();
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        assertThat(csv(42, 500)).isEqualTo(csv(42, 500));
    }

    @Test
    void aDifferentSeedGivesADifferentCensus() throws IOException {
        assertThat(csv(42, 500)).isNotEqualTo(csv(43, 500));
    }

    @Test
    void aLongerCensusStartsWithTheShorterOne() throws IOException {
        assertThat(csv(7, 300)).startsWith(csv(7, 100));
    }

    @Test
    void theHeaderHasTheRequiredColumnsAndThereAreNRows() throws IOException {
        String text = csv(42, 250);
        String[] lines = text.split("\n", -1);
        assertThat(lines[lines.length - 1]).isEmpty(); // ends with a newline
        List<String> header = Arrays.asList(lines[0].split(","));
        assertThat(header).containsAll(CensusRow.REQUIRED_COLUMNS).contains(CensusRow.TERMINATION_DATE);
        assertThat(lines).hasSize(1 + 250 + 1);
        for (int i = 1; i <= 250; i++) {
            assertThat(lines[i].split(",", -1)).hasSize(header.size());
        }
        assertThat(csv(42, 0)).isEqualTo(lines[0] + "\n");
    }

    @Test
    void everyRowStagesCleanlyIntoTheExpectedBuckets() throws IOException {
        String[] lines = csv(123, 2000).split("\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        Map<CensusBucket, Integer> buckets = new EnumMap<>(CensusBucket.class);
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            CensusRow row = new CensusRow("synthetic.csv", i + 1, f[header.indexOf(CensusRow.EMPLOYEE_ID)],
                    f[header.indexOf(CensusRow.BIRTH_DATE)], f[header.indexOf(CensusRow.HIRE_DATE)],
                    emptyToNull(f[header.indexOf(CensusRow.TERMINATION_DATE)]),
                    f[header.indexOf(CensusRow.GROSS_COMPENSATION)], f.length, header.size(), lines[i]);
            StagedRow staged = CensusStaging.stage(row, AS_OF);
            assertThat(staged.rejected()).as("line %d: %s", i + 1, lines[i]).isFalse();
            assertThat(ids.add(staged.candidate().employeeId())).isTrue();
            CensusCandidate c = staged.candidate();
            if (c.terminationDate() != null) {
                assertThat(c.terminationDate()).isAfterOrEqualTo(c.hireDate());
            }
            buckets.merge(c.bucket(AS_OF), 1, Integer::sum);
        }
        assertThat(ids).hasSize(2000).contains("EMP_000001", "EMP_002000");
        // mostly active employees, a few terminated before the start, none hired after the as-of date
        assertThat(buckets.getOrDefault(CensusBucket.BASELINE, 0)).isGreaterThan(1800);
        assertThat(buckets.getOrDefault(CensusBucket.TERMINATED_BEFORE_START, 0)).isPositive();
        assertThat(buckets.getOrDefault(CensusBucket.NOT_YET_HIRED, 0)).isZero();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
