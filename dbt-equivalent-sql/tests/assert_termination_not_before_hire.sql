-- assert_termination_not_before_hire (MODEL.md §5.4): in each detail trial, nobody leaves before they
-- were hired, and every hire event is on the hire date of a snapshot row of its trial and year.
-- Returns the offending rows.
SELECT 'termination before hire' AS problem, trial, employee_id, simulation_year, employee_hire_date, termination_date
FROM fct_workforce_snapshot
WHERE termination_date < employee_hire_date
UNION ALL
SELECT 'hire event without a matching snapshot row', e.trial, e.employee_id, e.simulation_year, e.effective_date, NULL
FROM fct_yearly_events AS e
WHERE e.event_type = 'hire'
  AND NOT EXISTS (SELECT 1 FROM fct_workforce_snapshot AS s
                  WHERE s.trial = e.trial AND s.employee_id = e.employee_id AND s.simulation_year = e.simulation_year
                    AND s.employee_hire_date = e.effective_date)
