package io.planwise.actuals;

import io.planwise.warehouse.contract.ActualsMarts;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.cli.PlanwiseCli;
import io.planwise.connector.mart.MartParquetWriter;
import io.planwise.model.actuals.EmployeeHistory;
import io.planwise.model.actuals.EmployeeStanding;
import io.planwise.model.actuals.HrEvent;
import io.planwise.model.actuals.HrEventOutcome;
import io.planwise.model.actuals.SyntheticHrEvents;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan_vs_actual.sql (kept once, in query-api/src/main/resources/io/planwise/api/, which serves it) on
 * a real published projection and a real actuals mart: every projected figure matches the plan's own
 * marts (month-end headcount and payroll rebuilt independently from the snapshot and each employee's
 * events), every actual figure matches the HR events replayed employee by employee, and variances are
 * their difference.
 */
class PlanVsActualTest {
    @TempDir
    static Path tmp;

    static Path warehouse;
    static RunManifest plan;
    /** (month, level) → {headcount, payroll cents} at the month's end, from the actual events. */
    static final Map<String, long[]> ACTUAL = new TreeMap<>();
    static LocalDate lastActualMonth;

    @BeforeAll
    static void planAndActuals() throws Exception {
        warehouse = tmp.resolve("wh");
        Path census = tmp.resolve("census.csv");
        cli("generate-census", "--employees", "400", "--seed", "3", "--out", census.toString());
        cli("project", "--census", census.toString(), "--warehouse", warehouse.toString(), "--scenario", "plan",
                "--start-year", "2025", "--end-year", "2026", "--parallelism", "2", "--dashboard-port", "18300-18399");
        plan = new ManifestStore(new WarehouseLayout(warehouse)).current("plan").orElseThrow();

        // actuals from mid-2024 to mid-2025: an opening position before the year, then six months of it
        List<SyntheticHrEvents.Row> rows = new SyntheticHrEvents(9, LocalDate.of(2024, 7, 1)).events(800);
        List<ActualsRecord> movements = new ArrayList<>();
        Map<String, EmployeeStanding> standings = new HashMap<>();
        long id = 0;
        for (SyntheticHrEvents.Row r : rows) {
            HrEventOutcome o = EmployeeHistory.apply(standings.get(r.employeeId()), new HrEvent(++id, r.employeeId(),
                    r.eventType(), r.effectiveDate(), r.compensationCents(), r.levelId(), null, null));
            standings.put(r.employeeId(), o.standing());
            o.movements().forEach(m -> movements.add(ActualsRecord.of(m)));
        }
        Path dir = Files.createDirectories(warehouse.resolve("actuals").resolve(ActualsMarts.MONTHLY.name()));
        MartParquetWriter.write(dir.resolve("part-test-0.parquet"), ActualsMartBinding.monthly(), movements);
        lastActualMonth = rows.get(rows.size() - 1).effectiveDate().withDayOfMonth(1);

        for (LocalDate month = LocalDate.of(2025, 1, 1); !month.isAfter(lastActualMonth); month = month.plusMonths(1)) {
            LocalDate end = month.plusMonths(1).minusDays(1);
            Map<String, EmployeeStanding> at = new HashMap<>();
            long n = 0;
            for (SyntheticHrEvents.Row r : rows) {
                n++;
                if (!r.effectiveDate().isAfter(end)) {
                    at.put(r.employeeId(), EmployeeHistory.apply(at.get(r.employeeId()), new HrEvent(n, r.employeeId(),
                            r.eventType(), r.effectiveDate(), r.compensationCents(), r.levelId(), null, null)).standing());
                }
            }
            for (EmployeeStanding s : at.values()) {
                if (s.active()) {
                    long[] f = ACTUAL.computeIfAbsent(month + "/" + s.levelId(), k -> new long[2]);
                    f[0]++;
                    f[1] += s.compensationCents();
                }
            }
        }
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanwiseCli.fromClasspath().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String files(String mart) {
        return "read_parquet([" + plan.filesOf(mart, new WarehouseLayout(warehouse)).stream().map(p -> "'" + p + "'")
                .collect(Collectors.joining(", ")) + "], hive_partitioning = true, hive_types = {'simulation_year': INTEGER})";
    }

    /** A DuckDB with the three relations the SQL file reads, defined as its header says. */
    private static Connection duckdb() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIEW plan_yearly_events AS SELECT * FROM " + files("fct_yearly_events"));
            s.execute("CREATE VIEW plan_workforce_summary AS SELECT * FROM " + files("fct_workforce_summary"));
            s.execute("CREATE VIEW plan_workforce_snapshot AS SELECT * FROM " + files("fct_workforce_snapshot"));
            s.execute("CREATE VIEW actual_workforce_monthly AS SELECT * FROM "
                    + ActualsTestbed.relation(warehouse.resolve("actuals"), ActualsMarts.MONTHLY.name()));
        }
        return c;
    }

    /** The one copy of the query, which the query API serves; tests run in jobs/projection. */
    static final Path SQL = Path.of("..", "..", "query-api", "src", "main", "resources", "io", "planwise", "api",
            "plan_vs_actual.sql");

    private static Path planVsActualSql() {
        Path sql = SQL.toAbsolutePath().normalize();
        if (!Files.isRegularFile(sql)) {
            throw new AssertionError("plan_vs_actual.sql is not at " + sql + " (this test expects the working "
                    + "directory jobs/projection, as Maven runs it, and the query in the query-api module).");
        }
        return sql;
    }

    private static List<Map<String, Object>> planVsActual(Connection c, int year) throws Exception {
        String sql = Files.readString(planVsActualSql(), StandardCharsets.UTF_8);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, year);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, List<Object>> query(Connection c, String sql) throws Exception {
        Map<String, List<Object>> rows = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 3; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getObject(i) instanceof BigDecimal b ? b.setScale(2) : rs.getObject(i));
                }
                rows.put(rs.getObject(1) + "/" + rs.getObject(2), values);
            }
        }
        return rows;
    }

    @Test
    void projectedFiguresMatchThePlanAndActualFiguresMatchTheEvents() throws Exception {
        try (Connection c = duckdb()) {
            List<Map<String, Object>> rows = planVsActual(c, 2025);
            assertThat(rows).hasSize(12 * 5);
            assertThat(rows.get(0).keySet()).containsExactly("trial", "month", "level_id", "projected_headcount",
                    "actual_headcount", "headcount_variance", "projected_hires", "actual_hires", "projected_terminations",
                    "actual_terminations", "projected_payroll", "actual_payroll", "payroll_variance");

            // projected month ends, rebuilt from the snapshot and each employee's last event by then
            Map<String, List<Object>> expected = query(c, """
                    WITH ends AS (SELECT last_day(make_date(2025, CAST(m AS INTEGER), 1)) AS d FROM range(1, 13) r(m)),
                    ev AS (SELECT * FROM plan_yearly_events WHERE simulation_year = 2025),
                    people AS (SELECT employee_id, employee_hire_date, termination_date, level_id FROM plan_workforce_snapshot
                               WHERE simulation_year = 2025),
                    first_ev AS (SELECT employee_id, arg_min(coalesce(previous_level_id, level_id), (effective_date, event_sequence)) AS lvl,
                                        arg_min(coalesce(previous_compensation, compensation_amount), (effective_date, event_sequence)) AS pay
                                 FROM ev WHERE event_type <> 'hire' GROUP BY employee_id),
                    at_end AS (SELECT e.d, p.employee_id,
                                      (SELECT arg_max(level_id, (effective_date, event_sequence)) FROM ev WHERE ev.employee_id = p.employee_id AND ev.effective_date <= e.d) AS lvl,
                                      (SELECT arg_max(compensation_amount, (effective_date, event_sequence)) FROM ev WHERE ev.employee_id = p.employee_id AND ev.effective_date <= e.d) AS pay,
                                      f.lvl AS first_lvl, f.pay AS first_pay
                               FROM ends e, people p LEFT JOIN first_ev f USING (employee_id)
                               WHERE p.employee_hire_date <= e.d AND (p.termination_date IS NULL OR p.termination_date > e.d))
                    SELECT date_trunc('month', d)::DATE AS month, coalesce(lvl, first_lvl) AS level_id, count(*), sum(coalesce(pay, first_pay))
                    FROM at_end GROUP BY ALL""");
            Map<String, List<Object>> projected = new TreeMap<>();
            rows.stream().filter(r -> ((Number) r.get("projected_headcount")).longValue() > 0).forEach(r -> projected.put(
                    r.get("month") + "/" + r.get("level_id"), List.of(r.get("projected_headcount"), ((BigDecimal) r.get("projected_payroll")).setScale(2))));
            assertThat(projected).isEqualTo(expected);

            // December equals the plan's summary; the months' hires and terminations add up to the year's
            Map<String, List<Object>> summary = query(c, "SELECT 'x', level_id, ending_headcount, ending_total_compensation, hires, "
                    + "experienced_terminations + new_hire_terminations + rif_terminations FROM plan_workforce_summary "
                    + "WHERE simulation_year = 2025");
            Map<String, List<Object>> fromRows = new TreeMap<>();
            for (Map<String, Object> r : rows) {
                String key = "x/" + r.get("level_id");
                List<Object> acc = fromRows.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, BigDecimal.ZERO, 0L, 0L)));
                if (r.get("month").toString().startsWith("2025-12")) {
                    acc.set(0, r.get("projected_headcount"));
                    acc.set(1, ((BigDecimal) r.get("projected_payroll")).setScale(2));
                }
                acc.set(2, (Long) acc.get(2) + ((Number) r.get("projected_hires")).longValue());
                acc.set(3, (Long) acc.get(3) + ((Number) r.get("projected_terminations")).longValue());
            }
            assertThat(fromRows).isEqualTo(summary);

            // actuals: month-end standings of the replayed events, NULL after the last month with events
            for (Map<String, Object> r : rows) {
                LocalDate month = LocalDate.parse(r.get("month").toString());
                if (month.isAfter(lastActualMonth)) {
                    assertThat(r.get("actual_headcount")).as(month.toString()).isNull();
                    assertThat(r.get("payroll_variance")).isNull();
                    continue;
                }
                long[] f = ACTUAL.getOrDefault(month + "/" + r.get("level_id"), new long[2]);
                assertThat(((Number) r.get("actual_headcount")).longValue()).as(month + " level " + r.get("level_id")).isEqualTo(f[0]);
                assertThat((BigDecimal) r.get("actual_payroll")).isEqualByComparingTo(BigDecimal.valueOf(f[1], 2));
                assertThat(((Number) r.get("headcount_variance")).longValue())
                        .isEqualTo(f[0] - ((Number) r.get("projected_headcount")).longValue());
                assertThat((BigDecimal) r.get("payroll_variance")).isEqualByComparingTo(
                        BigDecimal.valueOf(f[1], 2).subtract((BigDecimal) r.get("projected_payroll")));
            }
            assertThat(rows.stream().mapToLong(r -> r.get("actual_hires") == null ? 0 : ((Number) r.get("actual_hires")).longValue()).sum())
                    .isPositive();

            // a year the actuals have not reached: projected figures only, January starting from December's
            List<Map<String, Object>> next = planVsActual(c, 2026);
            assertThat(next).hasSize(12 * 5).allSatisfy(r -> assertThat(r.get("actual_headcount")).isNull());
            Map<String, List<Object>> startOf2026 = query(c, "SELECT 'x', level_id, starting_headcount FROM plan_workforce_summary "
                    + "WHERE simulation_year = 2026");
            Map<String, List<Object>> december = new TreeMap<>();
            rows.stream().filter(r -> r.get("month").toString().startsWith("2025-12"))
                    .forEach(r -> december.put("x/" + r.get("level_id"), List.of(r.get("projected_headcount"))));
            assertThat(december).isEqualTo(startOf2026);
        }
    }
}
