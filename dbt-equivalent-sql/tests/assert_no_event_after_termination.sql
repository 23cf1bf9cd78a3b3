-- assert_no_event_after_termination (MODEL.md §5.4): every event belongs to a snapshot row of its year
-- and none falls after that row's termination date; each terminated snapshot row has exactly one
-- termination event, on its termination date. Returns the offending rows.
WITH termination_events AS (
    SELECT employee_id, simulation_year, effective_date AS termination_date, count(*) AS n
    FROM fct_yearly_events
    WHERE event_type = 'termination'
    GROUP BY ALL
),
terminated_rows AS (
    SELECT employee_id, simulation_year, termination_date, count(*) AS n
    FROM fct_workforce_snapshot
    WHERE employment_status = 'terminated'
    GROUP BY ALL
)
SELECT
    CASE WHEN s.employment_status IS NULL THEN 'event without a snapshot row' ELSE 'event after termination' END
        AS problem,
    e.employee_id, e.simulation_year, e.effective_date
FROM fct_yearly_events AS e
LEFT JOIN fct_workforce_snapshot AS s
       ON s.scenario_id = e.scenario_id AND s.trial = e.trial AND s.employee_id = e.employee_id
      AND s.simulation_year = e.simulation_year
WHERE s.employment_status IS NULL OR e.effective_date > s.termination_date
UNION ALL
SELECT
    'termination events and terminated snapshot rows disagree',
    coalesce(t.employee_id, r.employee_id), coalesce(t.simulation_year, r.simulation_year),
    coalesce(t.termination_date, r.termination_date)
FROM termination_events AS t
FULL OUTER JOIN terminated_rows AS r
    ON r.employee_id = t.employee_id AND r.simulation_year = t.simulation_year
   AND r.termination_date = t.termination_date
WHERE coalesce(t.n, 0) <> 1 OR coalesce(r.n, 0) <> 1
