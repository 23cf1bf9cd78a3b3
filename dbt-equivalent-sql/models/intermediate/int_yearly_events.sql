-- int_yearly_events: every event of year Y in every trial (MODEL.md §3 "Event order", §4
-- fct_yearly_events), money in integer cents; what the level ledger counts. The event ids, tenures
-- and bands the mart adds are computed for the detail trials only (int_yearly_event_details).
--   termination (experienced_termination | reduction_in_force) of a start-of-year employee
--   promotion (Feb 1) and merit_cola raise (Jul 15) of every stayer
--   hire, and new_hire_termination, of this year's hires
-- compensation_cents is the salary after the event (a termination: the salary at termination);
-- previous_* are set for promotions and raises. employee_age is the start-of-year age (this year's
-- hires: Y - year(birth)).
-- event_sequence is the event's place in the employee's year: by date, then
-- hire < promotion < raise < termination. A leaver's only event is the termination; a promotion
-- (Feb 1) comes before the raise (Jul 15); a hire's termination follows the hire.
-- materialized: view
SELECT trial, employee_id, draw_base, hire_date, age AS employee_age,
       'termination' AS event_type, 'experienced_termination' AS event_category,
       termination_date AS effective_date, salary_cents AS compensation_cents,
       CAST(NULL AS BIGINT) AS previous_compensation_cents, level_id, CAST(NULL AS INTEGER) AS previous_level_id,
       termination_probability AS event_probability, 1 AS event_sequence
FROM int_experienced_terminations

UNION ALL
SELECT trial, employee_id, draw_base, hire_date, age, 'termination', 'reduction_in_force', termination_date,
       salary_cents, NULL, level_id, NULL, NULL, 1
FROM int_reduction_in_force

UNION ALL
SELECT p.trial, p.employee_id, p.draw_base, p.hire_date, p.age, 'promotion', 'promotion', c.promotion_date,
       p.salary_cents, p.previous_salary_cents, p.level_id, p.previous_level_id, p.promotion_probability, 1
FROM int_promotions AS p
CROSS JOIN int_year_calendar AS c

UNION ALL
SELECT r.trial, r.employee_id, r.draw_base, r.hire_date, r.age, 'raise', 'merit_cola', c.raise_date,
       r.salary_cents, r.previous_salary_cents, r.level_id, r.level_id, NULL,
       CASE WHEN r.is_promoted THEN 2 ELSE 1 END
FROM int_raises AS r
CROSS JOIN int_year_calendar AS c

UNION ALL
SELECT h.trial, h.employee_id, h.draw_base, h.hire_date, c.simulation_year - year(h.birth_date),
       'hire', 'hire', h.hire_date, h.salary_cents, NULL, h.level_id, NULL, NULL, 1
FROM int_new_hires AS h
CROSS JOIN int_year_calendar AS c

UNION ALL
SELECT h.trial, h.employee_id, h.draw_base, h.hire_date, c.simulation_year - year(h.birth_date),
       'termination', 'new_hire_termination', t.termination_date, h.salary_cents, NULL, h.level_id, NULL, NULL, 2
FROM int_new_hire_terminations AS t
JOIN int_new_hires AS h ON h.trial = t.trial AND h.employee_id = t.employee_id
CROSS JOIN int_year_calendar AS c
