package io.planwise.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusStaging;
import io.planwise.model.census.StagedRow;
import io.planwise.model.mart.CensusIssue;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/census.md is the census reference a user has (MODEL.md is not in the repository), so it must
 * name every column the reader knows and every reason staging writes to dq_census_issues, with the
 * right required flag and severity. The names are read from their one declaration in the code (the
 * constants of {@link CensusRow} and {@link CensusStaging}), so a new column or reason fails this
 * test until the page documents it.
 */
class CensusColumnsDocTest {
    private static final String CENSUS_DOC = "docs/census.md";
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    /**
     * One census row per reason that staging decides on a single row, to see which severity the
     * code gives it. duplicate_employee_id needs two rows and is decided by the duplicate
     * tie-break, whose loser is always rejected; a new reason fails {@link #everyReasonHasASample}.
     */
    private static final Map<String, CensusRow> SAMPLES = Map.of(
            CensusStaging.MALFORMED_ROW, row("E1", "1980-01-01", "2010-01-01", null, "85000", 6),
            CensusStaging.MISSING_EMPLOYEE_ID, row("  ", "1980-01-01", "2010-01-01", null, "85000", 5),
            CensusStaging.INVALID_BIRTH_DATE, row("E1", "01/01/1980", "2010-01-01", null, "85000", 5),
            CensusStaging.INVALID_HIRE_DATE, row("E1", "1980-01-01", null, null, "85000", 5),
            CensusStaging.INVALID_TERMINATION_DATE, row("E1", "1980-01-01", "2010-01-01", "2023-02-30", "85000", 5),
            CensusStaging.INVALID_COMPENSATION, row("E1", "1980-01-01", "2010-01-01", null, "$85,000", 5),
            CensusStaging.HIRED_BEFORE_AGE_14, row("E1", "2000-01-01", "2013-06-01", null, "85000", 5),
            CensusStaging.AGE_OVER_100, row("E1", "1900-01-01", "1950-01-01", null, "85000", 5),
            CensusStaging.COMPENSATION_OVER_10M, row("E1", "1980-01-01", "2010-01-01", null, "10000000.01", 5));

    private static Map<String, List<String>> columnRows;
    private static Map<String, List<String>> reasonRows;

    @BeforeAll
    static void readThePage() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryRoot.file(CENSUS_DOC), StandardCharsets.UTF_8);
        columnRows = tableRows(lines, "## Columns");
        reasonRows = tableRows(lines, "## Rejected and warned rows");
    }

    @Test
    void everyColumnTheReaderKnowsIsDocumented() {
        assertThat(columnRows.keySet()).as(CENSUS_DOC + " column table (section \"## Columns\")")
                .containsExactlyInAnyOrderElementsOf(constants(CensusRow.class));
    }

    @Test
    void exactlyTheRequiredColumnsAreMarkedRequired() {
        for (String column : constants(CensusRow.class)) {
            String expected = CensusRow.REQUIRED_COLUMNS.contains(column) ? "yes" : "no";
            assertThat(cell(columnRows, column, 1)).as(CENSUS_DOC + ": required cell of " + column).isEqualTo(expected);
        }
    }

    @Test
    void everyReasonStagingWritesIsDocumented() {
        assertThat(reasonRows.keySet()).as(CENSUS_DOC + " reason table (section \"## Rejected and warned rows\")")
                .containsExactlyInAnyOrderElementsOf(constants(CensusStaging.class));
    }

    @Test
    void everyReasonHasASample() {
        TreeSet<String> needed = new TreeSet<>(constants(CensusStaging.class));
        needed.remove(CensusStaging.DUPLICATE_EMPLOYEE_ID);
        assertThat(new TreeSet<>(SAMPLES.keySet())).as("add a sample row for each new reason to SAMPLES").isEqualTo(needed);
    }

    @Test
    void theDocumentedSeverityIsTheOneStagingGives() {
        Map<String, String> observed = new TreeMap<>();
        SAMPLES.forEach((reason, row) -> {
            StagedRow staged = CensusStaging.stage(row, AS_OF);
            if (staged.rejected()) {
                observed.put(staged.rejectReason(), CensusIssue.REJECT);
            } else if (staged.candidate().warnings() != null) {
                Arrays.stream(staged.candidate().warnings().split(";")).forEach(w -> observed.put(w, CensusIssue.WARNING));
            }
        });
        observed.put(CensusStaging.DUPLICATE_EMPLOYEE_ID, CensusIssue.REJECT);
        assertThat(observed.keySet()).as("each sample row raises the reason it is the sample of")
                .containsExactlyInAnyOrderElementsOf(constants(CensusStaging.class));
        Map<String, String> documented = new TreeMap<>();
        observed.keySet().forEach(reason -> documented.put(reason, cell(reasonRows, reason, 1)));
        assertThat(documented).as(CENSUS_DOC + ": severity column").isEqualTo(observed);
    }

    /** The values of the public static final String constants of a class: its declared names. */
    private static List<String> constants(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(values).as("constants of " + type.getSimpleName()).isNotEmpty();
        return values;
    }

    /**
     * The rows of the Markdown tables in the section under {@code heading} whose first cell is one
     * `name`, by that name, each as its cells; a name listed twice fails.
     */
    private static Map<String, List<String>> tableRows(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertThat(start).as(CENSUS_DOC + " has a section \"" + heading + "\"").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::strip).toList();
            String first = cells.get(0);
            if (first.matches("`[a-z0-9_]+`")) {
                String name = first.substring(1, first.length() - 1);
                assertThat(rows.put(name, cells)).as(CENSUS_DOC + " lists " + name + " twice").isNull();
            }
        }
        return rows;
    }

    private static String cell(Map<String, List<String>> rows, String name, int index) {
        List<String> cells = rows.get(name);
        assertThat(cells).as(CENSUS_DOC + " has a table row for " + name).isNotNull();
        return cells.get(index);
    }

    private static CensusRow row(String id, String birth, String hire, String termination, String compensation,
            int fieldCount) {
        return new CensusRow("sample.csv", 2, id, birth, hire, termination, compensation, fieldCount, 5, "sample");
    }
}
