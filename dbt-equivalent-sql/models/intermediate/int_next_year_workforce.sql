-- int_next_year_workforce: the start state of year Y+1 (MODEL.md §3: "the active rows of year Y's
-- snapshot"), per trial, carrying each active employee's year-end salary, level and draw base. The
-- runner makes it the workforce table of the next year.
-- materialized: view
SELECT
    trial,
    employee_id,
    draw_base,
    employee_birth_date AS birth_date,
    employee_hire_date AS hire_date,
    current_compensation_cents AS salary_cents,
    level_id
FROM int_workforce_snapshot
WHERE employment_status = 'active'
