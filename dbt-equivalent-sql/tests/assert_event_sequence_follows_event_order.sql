-- assert_event_sequence_follows_event_order (MODEL.md §3 "Event order"): each employee's events of a
-- year are numbered 1, 2, ... by date, then hire < promotion < raise < termination. Returns the events
-- whose event_sequence differs from that order. (Most employees have one event a year, which must be
-- number 1; only years with several events need sorting.)
WITH employee_years AS (
    SELECT scenario_id, trial, employee_id, simulation_year, count(*) AS events, min(event_sequence) AS first_sequence
    FROM fct_yearly_events
    GROUP BY ALL
),
several AS (
    SELECT
        e.employee_id, e.simulation_year, e.event_type, e.effective_date, e.event_sequence,
        row_number() OVER (
            PARTITION BY e.scenario_id, e.trial, e.employee_id, e.simulation_year
            ORDER BY e.effective_date,
                     CASE e.event_type WHEN 'hire' THEN 1 WHEN 'promotion' THEN 2 WHEN 'raise' THEN 3 ELSE 4 END
        ) AS expected_sequence
    FROM fct_yearly_events AS e
    SEMI JOIN (SELECT * FROM employee_years WHERE events > 1) AS y
        ON y.scenario_id = e.scenario_id AND y.trial = e.trial AND y.employee_id = e.employee_id
       AND y.simulation_year = e.simulation_year
)
SELECT employee_id, simulation_year, NULL AS event_type, NULL AS effective_date,
       first_sequence AS event_sequence, 1 AS expected_sequence
FROM employee_years
WHERE events = 1 AND first_sequence <> 1
UNION ALL
SELECT employee_id, simulation_year, event_type, effective_date, event_sequence, expected_sequence
FROM several
WHERE event_sequence <> expected_sequence
