package io.planwise.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.config.ScenarioConfig;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The content of {@code _run.json}, with the Flink job's keys and shapes (engine {@code "sql"}): the
 * effective config, assumption fingerprints, census accounting, per-year needs and payroll, and the
 * dq_checks rows; the publish step adds the status.
 */
final class RunRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The order the Flink job lists its checks in, per year. */
    private static final String CHECK_ORDER = "['census_accounting', 'ending_equals_target', 'start_equals_previous_end', "
            + "'one_snapshot_row_per_employee', 'events_explain_snapshot', 'event_dates_valid', 'terminations_match_needs']";

    private RunRecord() {}

    static ObjectNode of(DuckDbSession db, ScenarioConfig config, Assumptions assumptions, int parallelism,
            Instant started, String censusSource) throws SQLException {
        ObjectNode record = JSON.createObjectNode();
        record.put("engine", "sql").put("trial", 0).put("parallelism", parallelism)
                .put("started_at", started.toString()).put("census_source", censusSource);
        record.set("config", JSON.valueToTree(config.describe()));
        record.set("assumption_fingerprints", JSON.valueToTree(assumptions.fingerprints()));

        Map<String, Object> census = db.rows("SELECT rows_read, baseline, terminated_before_start, not_yet_hired, "
                + "rejected, warnings FROM stg_census_accounting").get(0);
        ObjectNode counts = record.putObject("census");
        census.forEach((k, v) -> counts.put(k, ((Number) v).longValue()));

        ArrayNode years = record.putArray("years");
        for (Map<String, Object> y : db.rows("SELECT n.simulation_year, n.starting_workforce, n.experienced_terminations, "
                + "n.hires, n.new_hire_terminations, n.rif_terminations, n.ending_workforce, "
                + "(SELECT sum(l.ending_compensation_cents) FROM run_level_ledger AS l "
                + " WHERE l.simulation_year = n.simulation_year) AS ending_payroll_cents "
                + "FROM fct_workforce_needs AS n ORDER BY n.simulation_year")) {
            years.addObject().put("simulation_year", ((Number) y.get("simulation_year")).intValue())
                    .put("starting_workforce", number(y, "starting_workforce"))
                    .put("experienced_terminations", number(y, "experienced_terminations"))
                    .put("hires", number(y, "hires"))
                    .put("new_hire_terminations", number(y, "new_hire_terminations"))
                    .put("rif_terminations", number(y, "rif_terminations"))
                    .put("ending_workforce", number(y, "ending_workforce"))
                    .put("ending_payroll", BigDecimal.valueOf(number(y, "ending_payroll_cents"), 2));
        }

        ArrayNode checks = record.putArray("checks");
        for (Map<String, Object> c : db.rows("SELECT simulation_year, check_name, passed, detail FROM dq_checks "
                + "ORDER BY simulation_year, list_position(" + CHECK_ORDER + ", check_name)")) {
            checks.addObject().put("simulation_year", ((Number) c.get("simulation_year")).intValue())
                    .put("check", (String) c.get("check_name")).put("passed", (Boolean) c.get("passed"))
                    .put("detail", (String) c.get("detail"));
        }
        return record;
    }

    private static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
