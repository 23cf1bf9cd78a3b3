-- assert_event_dates_in_year (MODEL.md §5.4): every event date, and every snapshot termination date,
-- lies in its simulation year. Returns the rows dated outside.
SELECT 'event' AS row_kind, employee_id, event_type, effective_date AS dated, simulation_year
FROM fct_yearly_events
WHERE year(effective_date) <> simulation_year
UNION ALL
SELECT 'snapshot termination', employee_id, NULL, termination_date, simulation_year
FROM fct_workforce_snapshot
WHERE termination_date IS NOT NULL AND year(termination_date) <> simulation_year
