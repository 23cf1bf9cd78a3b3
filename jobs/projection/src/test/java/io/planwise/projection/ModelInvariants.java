package io.planwise.projection;

import io.planwise.testing.MartReader;
import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.model.config.ScenarioConfig;
import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.contract.RunRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The invariants of MODEL.md section 5 (and the exact needs of section 3), asserted directly in SQL
 * on the marts read back from Parquet, independently of the job's own dq_checks.
 *
 * <p>Before {@link #assertAll}, the caller creates a table {@code baseline(employee_id VARCHAR,
 * salary DECIMAL(18,2))} in the same DuckDB: the census's start-of-year-1 workforce, derived by the
 * test from the input file (see {@link #loadBaseline}).
 */
final class ModelInvariants {
    private static final String JOB_LEVELS = "/io/planwise/assumptions/default/config_job_levels.csv";

    private final MartReader m;
    private final ScenarioConfig config;

    private ModelInvariants(MartReader m, ScenarioConfig config) {
        this.m = m;
        this.config = config;
    }

    /**
     * Creates {@code baseline} from a clean census file (CSV or Parquet, no rejects expected): the rows
     * hired on or before the as-of date and not terminated by then.
     */
    static void loadBaseline(MartReader m, Path census, LocalDate asOf) throws SQLException {
        String file = MartReader.quote(census.toString());
        String read = census.toString().endsWith(".parquet") ? "read_parquet(" + file + ")"
                : "read_csv(" + file + ", all_varchar = true, header = true)";
        String d = "date " + MartReader.quote(asOf.toString());
        m.execute("create or replace table baseline as select trim(employee_id::varchar) as employee_id, "
                + "employee_gross_compensation::decimal(18,2) as salary from " + read
                + " where employee_hire_date::date <= " + d
                + " and (employee_termination_date is null or trim(employee_termination_date::varchar) = ''"
                + " or employee_termination_date::date > " + d + ")");
    }

    /** Rows of a census file, counted by DuckDB (not by the job). */
    static long censusRows(MartReader m, Path census) throws SQLException {
        String file = MartReader.quote(census.toString());
        return m.count("select count(*) from " + (census.toString().endsWith(".parquet") ? "read_parquet(" + file + ")"
                : "read_csv(" + file + ", all_varchar = true, header = true)"));
    }

    static void assertAll(MartReader m, ScenarioConfig config) throws Exception {
        ModelInvariants inv = new ModelInvariants(m, config);
        inv.loadJobLevels();
        inv.everyYearPresent();
        inv.endingEqualsTargetAndNextStart();
        inv.exactNeeds();
        inv.oneSnapshotRowPerEmployeeYear();
        inv.terminatedNeverReappear();
        inv.eventsExplainSnapshotPerLevel();
        inv.eventDatesValid();
        inv.allChecksPassed();
    }

    /** _run.json's census accounting adds up to the input row count and matches the marts. */
    static void assertCensusAccounting(MartReader m, Path runDir, long inputRows, long expectedBaseline) throws SQLException {
        RunRecord.CensusCounts census = RunRecordFile.read(runDir).census();
        assertThat(census).as("_run.json census").isNotNull();
        long read = census.rowsRead();
        long baseline = census.baseline();
        long terminated = census.terminatedBeforeStart();
        long notYetHired = census.notYetHired();
        long rejected = census.rejected();
        assertThat(read).as("rows_read in _run.json vs the input file's rows").isEqualTo(inputRows);
        assertThat(baseline + terminated + notYetHired + rejected)
                .as("baseline + terminated_before_start + not_yet_hired + rejected (%s)", census).isEqualTo(inputRows);
        assertThat(baseline).as("baseline in _run.json").isEqualTo(expectedBaseline);
        assertThat(rejected).as("rejected in _run.json vs reject rows in dq_census_issues")
                .isEqualTo(m.count("select count(*) from dq_census_issues where severity = 'reject'"));
        assertThat(census.warnings()).as("warnings in _run.json vs warning rows in dq_census_issues")
                .isEqualTo(m.count("select count(*) from dq_census_issues where severity = 'warning'"));
    }

    /** One year's headcount flow, counted from the marts (not read from fct_workforce_needs). */
    record YearFlow(int year, long start, long experiencedTerminations, long hires, long newHireTerminations,
            long reductionInForce, long ending) {
        long survivors() {
            return start - experiencedTerminations;
        }
    }

    /**
     * Per year: start (baseline table or previous year's actives), counted events by category, and
     * ending actives. Needs the {@code baseline} table.
     */
    static List<YearFlow> flows(MartReader m, ScenarioConfig config) throws SQLException {
        ModelInvariants inv = new ModelInvariants(m, config);
        Map<Integer, Long> actives = inv.actives();
        Map<Integer, Long> experienced = inv.eventCount("event_category = 'experienced_termination'");
        Map<Integer, Long> hires = inv.eventCount("event_type = 'hire'");
        Map<Integer, Long> newHireTerms = inv.eventCount("event_category = 'new_hire_termination'");
        Map<Integer, Long> rif = inv.eventCount("event_category = 'reduction_in_force'");
        List<YearFlow> flows = new java.util.ArrayList<>();
        for (int y = config.startYear(); y <= config.endYear(); y++) {
            flows.add(new YearFlow(y, inv.startOf(y, actives), experienced.getOrDefault(y, 0L), hires.getOrDefault(y, 0L),
                    newHireTerms.getOrDefault(y, 0L), rif.getOrDefault(y, 0L), actives.getOrDefault(y, 0L)));
        }
        return flows;
    }

    private void loadJobLevels() throws IOException, SQLException {
        m.execute("create or replace table job_levels (level_id integer, min_c decimal(18,2), max_c decimal(18,2))");
        try (InputStream in = ModelInvariants.class.getResourceAsStream(JOB_LEVELS)) {
            assertThat(in).as("bundled " + JOB_LEVELS).isNotNull();
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                m.execute("insert into job_levels values (" + f[header.indexOf("level_id")] + ", "
                        + f[header.indexOf("min_compensation")] + ", " + f[header.indexOf("max_compensation")] + ")");
            }
        }
        // MODEL.md section 3: the smallest level whose [min, max) holds the salary, else the highest
        // level whose min <= salary, else the lowest level.
        m.execute("create or replace table baseline_level as select b.employee_id, coalesce("
                + "(select min(level_id) from job_levels j where b.salary >= j.min_c and b.salary < j.max_c), "
                + "(select max(level_id) from job_levels j where j.min_c <= b.salary), "
                + "(select min(level_id) from job_levels)) as level_id from baseline b");
    }

    private int start() {
        return config.startYear();
    }

    private int end() {
        return config.endYear();
    }

    private void everyYearPresent() throws SQLException {
        int years = end() - start() + 1;
        assertThat(m.count("select count(*) from fct_workforce_needs")).as("needs rows").isEqualTo(years);
        for (String mart : List.of("fct_workforce_needs", "fct_workforce_snapshot", "fct_workforce_summary", "dq_checks")) {
            assertThat(m.strings("select distinct simulation_year from " + mart + " order by 1"))
                    .as("years in " + mart).hasSize(years)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(start(), end())
                            .mapToObj(Integer::toString).toList());
        }
        assertThat(m.count("select count(*) from fct_workforce_snapshot where scenario_id <> "
                + MartReader.quote(config.scenarioId()) + " or trial <> 0")).as("snapshot rows of another scenario or trial")
                .isZero();
    }

    private Map<Integer, Long> actives() throws SQLException {
        return m.byYear("select simulation_year, count(*) from fct_workforce_snapshot "
                + "where employment_status = 'active' group by 1 order by 1");
    }

    /** Start of year Y, counted independently: the census baseline for year 1, else Y-1's active snapshot rows. */
    private long startOf(int year, Map<Integer, Long> actives) throws SQLException {
        return year == start() ? m.count("select count(*) from baseline") : actives.getOrDefault(year - 1, 0L);
    }

    private long target(long n) {
        return new BigDecimal(n).multiply(BigDecimal.ONE.add(config.targetGrowthRate()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Invariant 1: ending actives = target = next year's start, by count and by employee. */
    private void endingEqualsTargetAndNextStart() throws SQLException {
        Map<Integer, Long> actives = actives();
        for (int y = start(); y <= end(); y++) {
            Map<String, Object> needs = m.records("select * from fct_workforce_needs where simulation_year = " + y).get(0);
            long start = startOf(y, actives);
            long ending = actives.getOrDefault(y, 0L);
            assertThat(ending).as("%d: active snapshot rows vs round(start %d x (1 + %s))", y, start,
                    config.targetGrowthRate()).isEqualTo(target(start));
            assertThat(((Number) needs.get("target_ending_workforce")).longValue()).as("%d: target_ending_workforce", y)
                    .isEqualTo(ending);
            assertThat(((Number) needs.get("ending_workforce")).longValue()).as("%d: ending_workforce", y)
                    .isEqualTo(ending);
            assertThat(((Number) needs.get("starting_workforce")).longValue())
                    .as("%d: starting_workforce vs %s", y, y == start() ? "census baseline" : "previous year's actives")
                    .isEqualTo(start);
        }
        // By employee: who is in year Y's snapshot without being hired in Y is exactly who was active at the
        // end of Y-1 (for year 1: the census baseline).
        String continuing = "select employee_id, simulation_year from fct_workforce_snapshot s where not exists ("
                + "select 1 from fct_yearly_events e where e.event_type = 'hire' and e.employee_id = s.employee_id "
                + "and e.simulation_year = s.simulation_year)";
        String expected = "select employee_id, " + start() + " as simulation_year from baseline union all "
                + "select employee_id, simulation_year + 1 from fct_workforce_snapshot "
                + "where employment_status = 'active' and simulation_year < " + end();
        assertThat(m.rows("(" + continuing + ") except all (" + expected + ") limit 10"))
                .as("employees in a year's snapshot who were neither hired that year nor active at its start").isEmpty();
        assertThat(m.rows("(" + expected + ") except all (" + continuing + ") limit 10"))
                .as("employees active at a year's start who are missing from its snapshot").isEmpty();
        // Every hire of the year has a snapshot row, and the hire count is what the needs say.
        assertThat(m.count("select count(*) from fct_yearly_events e where event_type = 'hire' and not exists ("
                + "select 1 from fct_workforce_snapshot s where s.employee_id = e.employee_id "
                + "and s.simulation_year = e.simulation_year and s.employee_hire_date = e.effective_date)"))
                .as("hire events without a snapshot row of that year and hire date").isZero();
    }

    /** MODEL.md section 3: the needs, recomputed exactly from counted events. */
    private void exactNeeds() throws SQLException {
        Map<Integer, Long> actives = actives();
        Map<Integer, Long> experienced = eventCount("event_category = 'experienced_termination'");
        Map<Integer, Long> hires = eventCount("event_type = 'hire'");
        Map<Integer, Long> newHireTerms = eventCount("event_category = 'new_hire_termination'");
        Map<Integer, Long> rif = eventCount("event_category = 'reduction_in_force'");
        BigDecimal nh = config.newHireTerminationRate();
        for (int y = start(); y <= end(); y++) {
            long n = startOf(y, actives);
            long t = experienced.getOrDefault(y, 0L);
            long net = target(n) - (n - t);
            long h = net > 0 ? new BigDecimal(net).divide(BigDecimal.ONE.subtract(nh), 0, RoundingMode.CEILING)
                    .longValueExact() : 0;
            long nht = net > 0 ? h - net : 0;
            long r = net > 0 ? 0 : -net;
            assertThat(hires.getOrDefault(y, 0L)).as("%d: hire events (N %d, T %d, net %d, nh %s)", y, n, t, net, nh)
                    .isEqualTo(h);
            assertThat(newHireTerms.getOrDefault(y, 0L)).as("%d: new-hire termination events", y).isEqualTo(nht);
            assertThat(rif.getOrDefault(y, 0L)).as("%d: reduction_in_force events", y).isEqualTo(r);
            Map<String, Object> needs = m.records("select * from fct_workforce_needs where simulation_year = " + y).get(0);
            assertThat(List.of(needs.get("experienced_terminations"), needs.get("hires"),
                    needs.get("new_hire_terminations"), needs.get("rif_terminations")))
                    .as("%d: needs mart (experienced, hires, new-hire terminations, RIF)", y)
                    .containsExactly(t, h, nht, r);
        }
    }

    private Map<Integer, Long> eventCount(String where) throws SQLException {
        return m.byYear("select simulation_year, count(*) from fct_yearly_events where " + where + " group by 1");
    }

    /** Invariant 2a. */
    private void oneSnapshotRowPerEmployeeYear() throws SQLException {
        assertThat(m.count("select count(*) from fct_workforce_snapshot"))
                .as("snapshot rows vs distinct (scenario, trial, employee, year)")
                .isEqualTo(m.count("select count(*) from (select distinct scenario_id, trial, employee_id, simulation_year "
                        + "from fct_workforce_snapshot)"));
        assertThat(m.count("select count(*) from fct_workforce_snapshot")).isPositive();
    }

    /** Invariant 2b: a terminated employee never reappears, in the snapshot or in the events. */
    private void terminatedNeverReappear() throws SQLException {
        String terminated = "(select scenario_id, trial, employee_id, simulation_year from fct_workforce_snapshot "
                + "where employment_status = 'terminated')";
        assertThat(m.rows("select t.employee_id, t.simulation_year, l.simulation_year from " + terminated + " t "
                + "join fct_workforce_snapshot l on l.scenario_id = t.scenario_id and l.trial = t.trial "
                + "and l.employee_id = t.employee_id and l.simulation_year > t.simulation_year limit 10"))
                .as("employees terminated in year Y with a snapshot row in a later year").isEmpty();
        assertThat(m.rows("select t.employee_id, t.simulation_year, l.simulation_year from " + terminated + " t "
                + "join fct_yearly_events l on l.scenario_id = t.scenario_id and l.trial = t.trial "
                + "and l.employee_id = t.employee_id and l.simulation_year > t.simulation_year limit 10"))
                .as("employees terminated in year Y with events in a later year").isEmpty();
        assertThat(m.count("select count(*) from fct_workforce_snapshot where (employment_status = 'terminated') "
                + "<> (termination_date is not null) or employment_status not in ('active', 'terminated')"))
                .as("snapshot rows whose status and termination date disagree").isZero();
    }

    /** Invariant 3, per level and year, from start counts derived outside the job. */
    private void eventsExplainSnapshotPerLevel() throws SQLException {
        String sql = "with start_hc as ("
                + "  select " + start() + " as y, level_id as lvl, count(*) as n from baseline_level group by all"
                + "  union all select simulation_year + 1, level_id, count(*) from fct_workforce_snapshot"
                + "  where employment_status = 'active' and simulation_year < " + end() + " group by all),"
                + " ev as (select simulation_year as y, level_id as lvl,"
                + "  count(*) filter (where event_type = 'hire') as hires,"
                + "  count(*) filter (where event_type = 'promotion') as prom_in,"
                + "  count(*) filter (where event_type = 'termination') as terms"
                + "  from fct_yearly_events group by all),"
                + " pout as (select simulation_year as y, previous_level_id as lvl, count(*) as prom_out"
                + "  from fct_yearly_events where event_type = 'promotion' group by all),"
                + " ending as (select simulation_year as y, level_id as lvl, count(*) as n from fct_workforce_snapshot"
                + "  where employment_status = 'active' group by all),"
                + " keys as (select y, lvl from start_hc union select y, lvl from ev union select y, lvl from pout"
                + "  union select y, lvl from ending union select simulation_year, level_id from fct_workforce_summary)"
                + " select k.y, k.lvl, coalesce(s.n, 0) as start_n, coalesce(ev.hires, 0) as hires,"
                + "  coalesce(ev.prom_in, 0) as prom_in, coalesce(pout.prom_out, 0) as prom_out,"
                + "  coalesce(ev.terms, 0) as terms, coalesce(e.n, 0) as end_n,"
                + "  sm.starting_headcount, sm.hires as sm_hires, sm.promotions_in, sm.promotions_out,"
                + "  sm.experienced_terminations + sm.new_hire_terminations + sm.rif_terminations as sm_terms,"
                + "  sm.ending_headcount"
                + " from keys k left join start_hc s on s.y = k.y and s.lvl = k.lvl"
                + " left join ev on ev.y = k.y and ev.lvl = k.lvl left join pout on pout.y = k.y and pout.lvl = k.lvl"
                + " left join ending e on e.y = k.y and e.lvl = k.lvl"
                + " left join fct_workforce_summary sm on sm.simulation_year = k.y and sm.level_id = k.lvl"
                + " where k.y between " + start() + " and " + end() + " order by 1, 2";
        List<Map<String, Object>> rows = m.records(sql);
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> r : rows) {
            long start = n(r, "start_n");
            long hires = n(r, "hires");
            long in = n(r, "prom_in");
            long out = n(r, "prom_out");
            long terms = n(r, "terms");
            long end = n(r, "end_n");
            assertThat(start + hires + in - out - terms).as("year %s level %s: start + hires + promotions in - out "
                    + "- terminations vs ending actives in the snapshot; %s", r.get("y"), r.get("lvl"), r).isEqualTo(end);
            assertThat(List.of(n(r, "starting_headcount"), n(r, "sm_hires"), n(r, "promotions_in"),
                    n(r, "promotions_out"), n(r, "sm_terms"), n(r, "ending_headcount")))
                    .as("year %s level %s: fct_workforce_summary vs counts from events and snapshots; %s",
                            r.get("y"), r.get("lvl"), r)
                    .containsExactly(start, hires, in, out, terms, end);
        }
    }

    private static long n(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Invariant 4. */
    private void eventDatesValid() throws SQLException {
        assertThat(m.rows("select employee_id, event_type, effective_date, simulation_year from fct_yearly_events "
                + "where year(effective_date) <> simulation_year limit 10")).as("events dated outside their year").isEmpty();
        assertThat(m.rows("select employee_id, termination_date, simulation_year from fct_workforce_snapshot "
                + "where termination_date is not null and year(termination_date) <> simulation_year limit 10"))
                .as("snapshot terminations dated outside their year").isEmpty();
        assertThat(m.rows("select e.employee_id, e.event_type, e.effective_date, s.termination_date "
                + "from fct_yearly_events e join fct_workforce_snapshot s using (scenario_id, trial, employee_id, "
                + "simulation_year) where s.termination_date is not null and e.effective_date > s.termination_date "
                + "limit 10")).as("events after the employee's termination date").isEmpty();
        assertThat(m.rows("select employee_id, employee_hire_date, termination_date from fct_workforce_snapshot "
                + "where termination_date < employee_hire_date limit 10")).as("terminations before hire").isEmpty();
        assertThat(m.rows("select e.employee_id, e.simulation_year from fct_yearly_events e where not exists ("
                + "select 1 from fct_workforce_snapshot s where s.employee_id = e.employee_id "
                + "and s.simulation_year = e.simulation_year) limit 10")).as("events without a snapshot row").isEmpty();
        // Each terminated snapshot row has exactly one termination event, on its termination date.
        String terminationEvents = "select employee_id, simulation_year, effective_date from fct_yearly_events "
                + "where event_type = 'termination'";
        String terminatedRows = "select employee_id, simulation_year, termination_date from fct_workforce_snapshot "
                + "where employment_status = 'terminated'";
        assertThat(m.rows("(" + terminationEvents + ") except all (" + terminatedRows + ") limit 10"))
                .as("termination events without a matching terminated snapshot row").isEmpty();
        assertThat(m.rows("(" + terminatedRows + ") except all (" + terminationEvents + ") limit 10"))
                .as("terminated snapshot rows without a matching termination event").isEmpty();
    }

    private void allChecksPassed() throws SQLException {
        assertThat(m.count("select count(*) from dq_checks")).as("dq_checks rows").isPositive();
        assertThat(m.rows("select simulation_year, check_name, detail from dq_checks where not passed"))
                .as("failed dq_checks").isEmpty();
    }
}
