package io.planwise.sql;

import io.planwise.model.projection.RunChecks;
import io.planwise.warehouse.contract.RunRecord;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluated part of {@code _run.json} read from the run's tables: census accounting, the
 * per-year plan and payroll, and the dq_checks rows in the order the Java model lists them, so
 * both engines write the same record.
 */
final class RunEvaluation {
    private RunEvaluation() {}

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
                + " WHERE l.simulation_year = n.simulation_year) AS ending_payroll_cents "
                + "FROM fct_workforce_needs AS n ORDER BY n.simulation_year")) {
            years.add(new RunRecord.YearFigures((int) number(y, "simulation_year"), number(y, "starting_workforce"),
                    number(y, "experienced_terminations"), number(y, "hires"), number(y, "new_hire_terminations"),
                    number(y, "rif_terminations"), number(y, "ending_workforce"),
                    BigDecimal.valueOf(number(y, "ending_payroll_cents"), 2)));
        }

        String order = "[" + String.join(", ", RunChecks.NAMES.stream().map(n -> "'" + n + "'").toList()) + "]";
        List<RunRecord.CheckOutcome> checks = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT simulation_year, check_name, passed, detail FROM dq_checks "
                + "ORDER BY simulation_year, list_position(" + order + ", check_name)")) {
            checks.add(new RunRecord.CheckOutcome((int) number(row, "simulation_year"), (String) row.get("check_name"),
                    (Boolean) row.get("passed"), (String) row.get("detail")));
        }
        return started.evaluated(census, years, checks);
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
