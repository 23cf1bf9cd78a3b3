-- plan_vs_actual.sql — projected vs actual workforce by month and job level, for one calendar year.
--
-- Engine: DuckDB. One positional parameter: the year (e.g. 2025).
-- Served by the query API (PlanVsActualEndpoint: /api/v1/scenarios/{id}/plan-vs-actual?year=Y), which
-- defines the inputs below and reads the actuals by the exact list of committed files; tested directly
-- by jobs/projection's PlanVsActualTest and over HTTP by query-api's PlanVsActualEndpointTest.
--
-- Inputs: three relations the caller defines before running this query.
--   plan_yearly_events      fct_yearly_events of the scenario's published run: exactly the files the
--                           manifest warehouse/current/<scenario>.json lists, e.g.
--                           CREATE VIEW plan_yearly_events AS SELECT * FROM read_parquet([<files>],
--                             hive_partitioning = true, hive_types = {'simulation_year': INTEGER});
--   plan_workforce_summary  fct_workforce_summary of the same run, read the same way.
--   actual_workforce_monthly  the streaming actuals (no manifest; committed files only):
--                           CREATE VIEW actual_workforce_monthly AS SELECT * FROM
--                             read_parquet('<warehouse>/actuals/fct_workforce_actual_monthly/*.parquet');
--                           DuckDB refuses a glob that matches nothing: before the first checkpoint
--                           has committed a file, define it as an empty relation with the same columns
--                           (month DATE, level_id INTEGER, headcount_change INTEGER, hires INTEGER,
--                           terminations INTEGER, payroll_change DECIMAL(18,2), ...).
--
-- Output: one row per plan trial, month of the year and level (every level of the plan's summary and
-- every level the actuals touch), ordered by trial, month, level_id:
--   trial, month (first day), level_id,
--   projected_headcount, actual_headcount, headcount_variance        at the end of the month
--   projected_hires, actual_hires, projected_terminations, actual_terminations   during the month
--   projected_payroll, actual_payroll, payroll_variance              annual salaries of the actives
--                                                                    at the end of the month
-- Variances are actual − projected. Actual figures are NULL for months after the latest month the
-- actuals have an event in (not happened yet, or not recorded yet).
--
-- How the figures are made:
--   projected  The plan's events of the year become movements like the actuals' (hire +1 head and
--              +salary; termination −1 and −salary at termination; promotion −1/−old salary at the
--              previous level and +1/+new salary at the new one; raise +new−old salary). The level's
--              start of year is fct_workforce_summary.starting_headcount and, for payroll, the year's
--              ending_total_compensation minus the year's payroll movements, so December's projected
--              headcount and payroll equal the summary's ending figures.
--   actual     Running sums of fct_workforce_actual_monthly over every month up to the month (events
--              before the year give the opening position), so the outbox must hold the history from
--              the first hire on (or an opening balance as hire events).
WITH params AS (
    SELECT CAST(? AS INTEGER) AS year
),
months AS (
    SELECT make_date(p.year, CAST(m AS INTEGER), 1) AS month
    FROM params p, range(1, 13) AS r(m)
),
plan_movements AS (
    SELECT e.trial, e.level_id, CAST(date_trunc('month', e.effective_date) AS DATE) AS month,
           CASE e.event_type WHEN 'hire' THEN 1 WHEN 'termination' THEN -1 WHEN 'promotion' THEN 1 ELSE 0 END AS headcount_change,
           CASE WHEN e.event_type = 'hire' THEN 1 ELSE 0 END AS hires,
           CASE WHEN e.event_type = 'termination' THEN 1 ELSE 0 END AS terminations,
           CASE e.event_type
               WHEN 'hire' THEN e.compensation_amount
               WHEN 'termination' THEN -e.compensation_amount
               WHEN 'promotion' THEN e.compensation_amount
               WHEN 'raise' THEN e.compensation_amount - e.previous_compensation
               ELSE 0 END AS payroll_change
    FROM plan_yearly_events e, params p
    WHERE e.simulation_year = p.year
    UNION ALL
    SELECT e.trial, e.previous_level_id, CAST(date_trunc('month', e.effective_date) AS DATE), -1, 0, 0, -e.previous_compensation
    FROM plan_yearly_events e, params p
    WHERE e.simulation_year = p.year AND e.event_type = 'promotion'
),
plan_monthly AS (
    SELECT trial, level_id, month, sum(headcount_change) AS headcount_change, sum(hires) AS hires,
           sum(terminations) AS terminations, sum(payroll_change) AS payroll_change
    FROM plan_movements
    GROUP BY trial, level_id, month
),
plan_start AS (
    SELECT s.trial, s.level_id, s.starting_headcount,
           s.ending_total_compensation - coalesce((SELECT sum(m.payroll_change) FROM plan_monthly m
                                                   WHERE m.trial = s.trial AND m.level_id = s.level_id), 0) AS starting_payroll
    FROM plan_workforce_summary s, params p
    WHERE s.simulation_year = p.year
),
actual_in_year AS (
    SELECT a.level_id, a.month, sum(a.headcount_change) AS headcount_change, sum(a.hires) AS hires,
           sum(a.terminations) AS terminations, sum(a.payroll_change) AS payroll_change
    FROM actual_workforce_monthly a, params p
    WHERE year(a.month) = p.year
    GROUP BY a.level_id, a.month
),
actual_opening AS (
    SELECT a.level_id, sum(a.headcount_change) AS headcount, sum(a.payroll_change) AS payroll
    FROM actual_workforce_monthly a, params p
    WHERE a.month < make_date(p.year, 1, 1)
    GROUP BY a.level_id
),
actual_known_through AS (
    SELECT max(month) AS month FROM actual_workforce_monthly
),
trials AS (
    SELECT DISTINCT trial FROM plan_start
),
levels AS (
    SELECT level_id FROM plan_start
    UNION SELECT level_id FROM actual_in_year
    UNION SELECT level_id FROM actual_opening
),
grid AS (
    SELECT t.trial, mo.month, l.level_id FROM trials t, months mo, levels l
),
figures AS (
    SELECT g.trial, g.month, g.level_id,
           coalesce(ps.starting_headcount, 0)
               + sum(coalesce(pm.headcount_change, 0)) OVER running AS projected_headcount,
           coalesce(ao.headcount, 0) + sum(coalesce(am.headcount_change, 0)) OVER running AS actual_headcount,
           coalesce(pm.hires, 0) AS projected_hires,
           coalesce(am.hires, 0) AS actual_hires,
           coalesce(pm.terminations, 0) AS projected_terminations,
           coalesce(am.terminations, 0) AS actual_terminations,
           coalesce(ps.starting_payroll, 0) + sum(coalesce(pm.payroll_change, 0)) OVER running AS projected_payroll,
           coalesce(ao.payroll, 0) + sum(coalesce(am.payroll_change, 0)) OVER running AS actual_payroll
    FROM grid g
    LEFT JOIN plan_start ps ON ps.trial = g.trial AND ps.level_id = g.level_id
    LEFT JOIN plan_monthly pm ON pm.trial = g.trial AND pm.level_id = g.level_id AND pm.month = g.month
    LEFT JOIN actual_in_year am ON am.level_id = g.level_id AND am.month = g.month
    LEFT JOIN actual_opening ao ON ao.level_id = g.level_id
    WINDOW running AS (PARTITION BY g.trial, g.level_id ORDER BY g.month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT f.trial,
       f.month,
       f.level_id,
       CAST(f.projected_headcount AS BIGINT) AS projected_headcount,
       CAST(CASE WHEN f.month <= k.month THEN f.actual_headcount END AS BIGINT) AS actual_headcount,
       CAST(CASE WHEN f.month <= k.month THEN f.actual_headcount - f.projected_headcount END AS BIGINT) AS headcount_variance,
       CAST(f.projected_hires AS BIGINT) AS projected_hires,
       CAST(CASE WHEN f.month <= k.month THEN f.actual_hires END AS BIGINT) AS actual_hires,
       CAST(f.projected_terminations AS BIGINT) AS projected_terminations,
       CAST(CASE WHEN f.month <= k.month THEN f.actual_terminations END AS BIGINT) AS actual_terminations,
       CAST(f.projected_payroll AS DECIMAL(18, 2)) AS projected_payroll,
       CAST(CASE WHEN f.month <= k.month THEN f.actual_payroll END AS DECIMAL(18, 2)) AS actual_payroll,
       CAST(CASE WHEN f.month <= k.month THEN f.actual_payroll - f.projected_payroll END AS DECIMAL(18, 2)) AS payroll_variance
FROM figures f, actual_known_through k
ORDER BY f.trial, f.month, f.level_id
