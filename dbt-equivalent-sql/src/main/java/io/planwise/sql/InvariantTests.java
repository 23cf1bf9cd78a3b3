package io.planwise.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code tests/assert_*.sql} files: each selects the rows that violate one MODEL.md §5
 * invariant, so a passing test returns nothing. They read the marts as a reader would (views over the
 * run's files) plus the staging tables.
 */
final class InvariantTests {
    private static final int EXAMPLES = 3;
    private static final Logger TIMINGS = LoggerFactory.getLogger("io.planwise.sql.timings");

    private InvariantTests() {}

    static List<InvariantTestOutcome> run(DuckDbSession db) throws SQLException {
        List<InvariantTestOutcome> outcomes = new ArrayList<>();
        for (String file : SqlModels.TESTS) {
            String sql = SqlModels.text(file);
            long start = System.nanoTime();
            long violations = db.count("SELECT count(*) FROM (" + sql + "\n)");
            List<Map<String, Object>> examples = violations == 0 ? List.of()
                    : db.rows("SELECT * FROM (" + sql + "\n) LIMIT " + EXAMPLES);
            outcomes.add(new InvariantTestOutcome(SqlModels.tableOf(file), violations, examples));
            TIMINGS.debug("{} ms  {}", (System.nanoTime() - start) / 1_000_000, file);
        }
        return outcomes;
    }
}
