package io.planwise.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code tests/assert_*.sql} files: each selects the rows that violate one MODEL.md §5
 * invariant, so a passing test returns nothing. They read the marts as a reader would (views over the
 * run's files) plus the staging tables.
 */
final class InvariantTests {
    private static final int EXAMPLES = 3;

    private InvariantTests() {}

    static List<InvariantTestOutcome> run(DuckDbSession db) throws SQLException {
        List<InvariantTestOutcome> outcomes = new ArrayList<>();
        for (String file : SqlModels.TESTS) {
            String sql = SqlModels.text(file);
            long violations = db.count("SELECT count(*) FROM (" + sql + "\n)");
            List<Map<String, Object>> examples = violations == 0 ? List.of()
                    : db.rows("SELECT * FROM (" + sql + "\n) LIMIT " + EXAMPLES);
            outcomes.add(new InvariantTestOutcome(SqlModels.tableOf(file), violations, examples));
        }
        return outcomes;
    }
}
