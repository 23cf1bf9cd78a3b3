package io.planwise.model.assumptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads config_job_levels. */
final class JobLevelTable {
    private JobLevelTable() {
    }

    /**
     * Levels sorted by id. Ids must be positive and consecutive because a promotion moves an
     * employee to level + 1 and the hazards scale with (level − 1). Salary ranges of different
     * levels may overlap or leave gaps (PlanWise's do both); level assignment handles that.
     */
    static List<JobLevel> read(CsvTable table) {
        List<JobLevel> levels = new ArrayList<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int id = row.integer("level_id");
            if (id < 1) {
                throw row.error("level_id", "'" + row.text("level_id") + "' is not a positive level id");
            }
            Integer earlier = lineOf.putIfAbsent(id, row.line());
            if (earlier != null) {
                throw row.error("level_id", "duplicate level_id " + id + " (first on line " + earlier + ")");
            }
            BigDecimal min = row.nonNegative("min_compensation");
            BigDecimal max = row.nonNegative("max_compensation");
            if (min.compareTo(max) >= 0) {
                throw row.error("max_compensation", "'" + row.text("max_compensation")
                        + "' is not above min_compensation " + row.text("min_compensation"));
            }
            levels.add(new JobLevel(id, row.text("name"), min.doubleValue(), max.doubleValue(), cents(min), cents(max)));
        }
        levels.sort(Comparator.comparingInt(JobLevel::levelId));
        for (int i = 1; i < levels.size(); i++) {
            int previous = levels.get(i - 1).levelId();
            int id = levels.get(i).levelId();
            if (id != previous + 1) {
                throw new AssumptionsException(table.file(), lineOf.get(id), "level_id",
                        "level ids must be consecutive (a promotion moves up one level), but " + id
                                + " follows " + previous);
            }
        }
        return List.copyOf(levels);
    }

    /** Dollars to integer cents, half away from zero. */
    private static long cents(BigDecimal dollars) {
        return dollars.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
