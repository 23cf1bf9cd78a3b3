package io.planwise.sql;

import io.planwise.model.ensemble.EnsembleChecks;
import io.planwise.model.projection.RunChecks;
import io.planwise.warehouse.contract.RunRecord;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluated part of {@code _run.json} read from the run's tables: census accounting, trial 0's
 * per-year plan and payroll, and trial 0's dq_checks rows in the order the Java model lists them
 * followed by the ensemble's checks (year by year, in {@link EnsembleChecks#NAMES} order), so both
 * engines write the same record. {@link #failedChecks} names the failed checks of every trial.
 */
final class RunEvaluation {
    private RunEvaluation() {}

    /** Failing trials named in the run's reason (the lowest-numbered); the rest are counted. */
    static final int NAMED_FAILING_TRIALS = 5;

    static RunRecord evaluate(DuckDbSession db, RunRecord started) throws SQLException {
        Map<String, Object> c = db.rows("SELECT rows_read, baseline, terminated_before_start, not_yet_hired, "
                + "rejected, warnings FROM stg_census_accounting").get(0);
        RunRecord.CensusCounts census = new RunRecord.CensusCounts(number(c, "rows_read"), number(c, "baseline"),
                number(c, "terminated_before_start"), number(c, "not_yet_hired"), number(c, "rejected"),
                number(c, "warnings"), issueTallies(db));

        List<RunRecord.YearFigures> years = new ArrayList<>();
        for (Map<String, Object> y : db.rows("SELECT n.simulation_year, n.starting_workforce, n.experienced_terminations, "
                + "n.hires, n.new_hire_terminations, n.rif_terminations, n.ending_workforce, "
                + "(SELECT sum(l.ending_compensation_cents) FROM run_level_ledger AS l "
                + " WHERE l.trial = n.trial AND l.simulation_year = n.simulation_year) AS ending_payroll_cents "
                + "FROM fct_workforce_needs AS n WHERE n.trial = 0 ORDER BY n.simulation_year")) {
            years.add(new RunRecord.YearFigures((int) number(y, "simulation_year"), number(y, "starting_workforce"),
                    number(y, "experienced_terminations"), number(y, "hires"), number(y, "new_hire_terminations"),
                    number(y, "rif_terminations"), number(y, "ending_workforce"),
                    BigDecimal.valueOf(number(y, "ending_payroll_cents"), 2)));
        }

        List<RunRecord.CheckOutcome> checks = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT simulation_year, check_name, passed, detail FROM dq_checks "
                + "WHERE trial = 0 ORDER BY simulation_year, list_position(" + names(RunChecks.NAMES) + ", check_name)")) {
            checks.add(outcome(row));
        }
        for (Map<String, Object> row : db.rows("SELECT simulation_year, check_name, passed, detail FROM dq_checks "
                + "WHERE trial IS NULL ORDER BY simulation_year, list_position(" + names(EnsembleChecks.NAMES)
                + ", check_name)")) {
            checks.add(outcome(row));
        }
        return started.evaluated(census, years, checks);
    }

    /**
     * Every failed check of the run, as the Flink job names them: {@code trial <t>: <year> <check>:
     * <detail>} for the {@value #NAMED_FAILING_TRIALS} lowest-numbered failing trials, then how many
     * more trials failed, then {@code ensemble: <year> <check>: <detail>} for the checks of the bands.
     */
    static List<String> failedChecks(DuckDbSession db) throws SQLException {
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> row : db.rows("WITH failed AS (SELECT * FROM dq_checks WHERE NOT passed AND trial IS NOT NULL), "
                + "named AS (SELECT DISTINCT trial FROM failed ORDER BY trial LIMIT " + NAMED_FAILING_TRIALS + ") "
                + "SELECT f.trial, f.simulation_year, f.check_name, f.detail FROM failed AS f SEMI JOIN named USING (trial) "
                + "ORDER BY f.trial, f.simulation_year, list_position(" + names(RunChecks.NAMES) + ", f.check_name)")) {
            failures.add("trial " + row.get("trial") + ": " + row.get("simulation_year") + " " + row.get("check_name")
                    + ": " + row.get("detail"));
        }
        long failingTrials = db.count("SELECT count(DISTINCT trial) FROM dq_checks WHERE NOT passed AND trial IS NOT NULL");
        if (failingTrials > NAMED_FAILING_TRIALS) {
            failures.add((failingTrials - NAMED_FAILING_TRIALS) + " more failing trials");
        }
        for (Map<String, Object> row : db.rows("SELECT simulation_year, check_name, detail FROM dq_checks "
                + "WHERE NOT passed AND trial IS NULL ORDER BY simulation_year, list_position("
                + names(EnsembleChecks.NAMES) + ", check_name)")) {
            failures.add("ensemble: " + row.get("simulation_year") + " " + row.get("check_name") + ": " + row.get("detail"));
        }
        return failures;
    }

    private static String names(List<String> names) {
        return "[" + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()) + "]";
    }

    private static RunRecord.CheckOutcome outcome(Map<String, Object> row) {
        return new RunRecord.CheckOutcome((int) number(row, "simulation_year"), (String) row.get("check_name"),
                (Boolean) row.get("passed"), (String) row.get("detail"));
    }

    /** Rejects and warnings by severity and reason, each with its lowest-numbered row as the example. */
    private static List<RunRecord.IssueTally> issueTallies(DuckDbSession db) throws SQLException {
        List<RunRecord.IssueTally> tallies = new ArrayList<>();
        for (Map<String, Object> t : db.rows("SELECT severity, reason, count(*) AS n, min(row_number) AS example, "
                + "arg_min(detail, row_number) AS detail, arg_min(raw_row, row_number) AS raw_row "
                + "FROM dq_census_issues GROUP BY severity, reason ORDER BY severity, reason")) {
            tallies.add(new RunRecord.IssueTally((String) t.get("severity"), (String) t.get("reason"), number(t, "n"),
                    number(t, "example"), (String) t.get("detail"), (String) t.get("raw_row")));
        }
        return tallies;
    }

    private static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
