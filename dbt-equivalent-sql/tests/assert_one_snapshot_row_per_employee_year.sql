-- assert_one_snapshot_row_per_employee_year (MODEL.md §5.2, §6): one snapshot row per (scenario, trial,
-- employee, year), one per start-of-year employee and hire (start + hires of fct_workforce_needs) in
-- every detail trial, no snapshot or event row of a trial that is not a detail trial, and no terminated
-- employee reappears in a later year (nor in its events: assert_no_event_after_termination finds any
-- event without a snapshot row of its year). A row is terminated iff it has a termination date.
-- Returns the offending years, employees and rows.
WITH years AS MATERIALIZED (
    SELECT scenario_id, trial, simulation_year, count(*) AS snapshot_rows, count(DISTINCT employee_id) AS employees
    FROM fct_workforce_snapshot
    GROUP BY ALL
),
employees AS (
    SELECT
        trial,
        employee_id,
        min(simulation_year) FILTER (WHERE employment_status = 'terminated') AS terminated_in,
        max(simulation_year) AS last_seen_in
    FROM fct_workforce_snapshot
    GROUP BY scenario_id, trial, employee_id
)
SELECT 'more snapshot rows than employees in the year' AS problem, trial, NULL AS employee_id, simulation_year,
       snapshot_rows AS found, employees AS expected
FROM years
WHERE snapshot_rows <> employees
UNION ALL
SELECT 'snapshot rows <> start + hires', n.trial, NULL, n.simulation_year, coalesce(y.snapshot_rows, 0),
       n.starting_workforce + n.hires
FROM fct_workforce_needs AS n
CROSS JOIN stg_parameters AS p
LEFT JOIN years AS y ON y.trial = n.trial AND y.simulation_year = n.simulation_year
WHERE n.trial < p.detail_trials AND coalesce(y.snapshot_rows, 0) <> n.starting_workforce + n.hires
UNION ALL
SELECT 'rows of a trial that is not a detail trial', r.trial, NULL, r.simulation_year, r.n, 0
FROM (
    SELECT trial, simulation_year, count(*) AS n FROM fct_workforce_snapshot GROUP BY ALL
    UNION ALL
    SELECT trial, simulation_year, count(*) FROM fct_yearly_events GROUP BY ALL
) AS r
CROSS JOIN stg_parameters AS p
WHERE r.trial >= p.detail_trials OR r.trial < 0
UNION ALL
SELECT 'snapshot row after termination', trial, employee_id, last_seen_in, terminated_in, NULL
FROM employees
WHERE last_seen_in > terminated_in
UNION ALL
SELECT 'status and termination date disagree', trial, employee_id, simulation_year, NULL, NULL
FROM fct_workforce_snapshot
WHERE employment_status NOT IN ('active', 'terminated')
   OR (employment_status = 'terminated') <> (termination_date IS NOT NULL)
