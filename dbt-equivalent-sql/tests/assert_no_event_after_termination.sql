-- assert_no_event_after_termination (MODEL.md §5.4): in each detail trial, every event belongs to a
-- snapshot row of its trial and year and none falls after that row's termination date; each terminated
-- snapshot row has exactly one termination event, on its termination date. Returns the offending rows.
WITH termination_events AS (
    SELECT trial, employee_id, simulation_year, effective_date AS termination_date, count(*) AS n
    FROM fct_yearly_events
    WHERE event_type = 'termination'
    GROUP BY ALL
),
terminated_rows AS (
    SELECT trial, employee_id, simulation_year, termination_date, count(*) AS n
    FROM fct_workforce_snapshot
    WHERE employment_status = 'terminated'
    GROUP BY ALL
)
SELECT 'event without a snapshot row' AS problem, e.trial, e.employee_id, e.simulation_year, e.effective_date
FROM fct_yearly_events AS e
ANTI JOIN fct_workforce_snapshot AS s
       ON s.employee_id = e.employee_id AND s.simulation_year = e.simulation_year
      AND s.scenario_id = e.scenario_id AND s.trial = e.trial
UNION ALL
SELECT 'event after termination', e.trial, e.employee_id, e.simulation_year, e.effective_date
FROM fct_yearly_events AS e
JOIN terminated_rows AS t
  ON t.trial = e.trial AND t.employee_id = e.employee_id AND t.simulation_year = e.simulation_year
WHERE e.effective_date > t.termination_date
UNION ALL
SELECT
    'termination events and terminated snapshot rows disagree',
    coalesce(t.trial, r.trial), coalesce(t.employee_id, r.employee_id), coalesce(t.simulation_year, r.simulation_year),
    coalesce(t.termination_date, r.termination_date)
FROM termination_events AS t
FULL OUTER JOIN terminated_rows AS r
    ON r.trial = t.trial AND r.employee_id = t.employee_id AND r.simulation_year = t.simulation_year
   AND r.termination_date = t.termination_date
WHERE coalesce(t.n, 0) <> 1 OR coalesce(r.n, 0) <> 1
