-- assert_terminated_never_reappear (MODEL.md §5.2): an employee terminated in year Y has no snapshot
-- row in a later year (and so no later event either: assert_no_event_after_termination finds any
-- event without a snapshot row of its year), and a snapshot row is terminated iff it has a
-- termination date. Returns the offending employees and rows.
SELECT 'snapshot row after termination' AS problem, employee_id, terminated_in, last_seen_in
FROM (
    SELECT
        employee_id,
        min(simulation_year) FILTER (WHERE employment_status = 'terminated') AS terminated_in,
        max(simulation_year) AS last_seen_in
    FROM fct_workforce_snapshot
    GROUP BY scenario_id, trial, employee_id
)
WHERE last_seen_in > terminated_in
UNION ALL
SELECT 'status and termination date disagree', employee_id, simulation_year, NULL
FROM fct_workforce_snapshot
WHERE employment_status NOT IN ('active', 'terminated')
   OR (employment_status = 'terminated') <> (termination_date IS NOT NULL)
