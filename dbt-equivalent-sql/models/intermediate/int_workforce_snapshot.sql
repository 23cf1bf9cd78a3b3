-- int_workforce_snapshot: the year-end snapshot of year Y in every trial (MODEL.md §3 "Year-end
-- snapshot", §4), one row per trial and employee of S_Y and per hire of Y, money in integer cents:
--   status / detailed status, termination date and reason, salary at year end (or at termination),
--   level, and prorated compensation = round(sum of salary_cents x days in effect / D), half away from
--   zero, in integers: each event's new salary applies from its effective date; a leaver is paid
--   through the termination date, a hire from the hire date.
-- A laid-off employee's detailed status is experienced_termination, the reason reduction_in_force.
-- The level ledger counts it and the next year starts from it; the ages, tenures and bands only the
-- written rows need are int_workforce_snapshot_details, for the detail trials.
WITH everyone AS (
    SELECT
        r.trial, r.employee_id, r.draw_base, r.birth_date, r.hire_date,
        'active' AS employment_status, 'continuous_active' AS detailed_status_code,
        CAST(NULL AS DATE) AS termination_date, CAST(NULL AS VARCHAR) AS termination_reason,
        r.salary_cents AS current_compensation_cents,
        CASE WHEN r.is_promoted
             THEN r.start_salary_cents * date_diff('day', c.january_1, c.promotion_date)
                  + r.promoted_salary_cents * date_diff('day', c.promotion_date, c.raise_date)
             ELSE r.start_salary_cents * date_diff('day', c.january_1, c.raise_date)
        END + r.salary_cents * (date_diff('day', c.raise_date, c.december_31) + 1) AS salary_days,
        r.level_id
    FROM int_raises AS r
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT t.trial, t.employee_id, t.draw_base, t.birth_date, t.hire_date,
           'terminated', 'experienced_termination', t.termination_date, 'experienced_termination',
           t.salary_cents, t.salary_cents * (date_diff('day', c.january_1, t.termination_date) + 1), t.level_id
    FROM int_experienced_terminations AS t
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT t.trial, t.employee_id, t.draw_base, t.birth_date, t.hire_date,
           'terminated', 'experienced_termination', t.termination_date, 'reduction_in_force',
           t.salary_cents, t.salary_cents * (date_diff('day', c.january_1, t.termination_date) + 1), t.level_id
    FROM int_reduction_in_force AS t
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT h.trial, h.employee_id, h.draw_base, h.birth_date, h.hire_date,
           CASE WHEN t.employee_id IS NULL THEN 'active' ELSE 'terminated' END,
           CASE WHEN t.employee_id IS NULL THEN 'new_hire_active' ELSE 'new_hire_termination' END,
           t.termination_date,
           CASE WHEN t.employee_id IS NOT NULL THEN 'new_hire_termination' END,
           h.salary_cents,
           h.salary_cents * (date_diff('day', h.hire_date, coalesce(t.termination_date, c.december_31)) + 1),
           h.level_id
    FROM int_new_hires AS h
    LEFT JOIN int_new_hire_terminations AS t ON t.trial = h.trial AND t.employee_id = h.employee_id
    CROSS JOIN int_year_calendar AS c
)
SELECT
    e.trial,
    e.employee_id,
    e.draw_base,
    e.birth_date AS employee_birth_date,
    e.hire_date AS employee_hire_date,
    e.employment_status,
    e.detailed_status_code,
    e.termination_date,
    e.termination_reason,
    e.current_compensation_cents,
    divide_rounded(e.salary_days, c.days_in_year) AS prorated_annual_compensation_cents,
    e.level_id
FROM everyone AS e
CROSS JOIN int_year_calendar AS c
