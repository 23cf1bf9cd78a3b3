-- int_next_year_workforce: the start state of year Y+1 (MODEL.md §3: "the active rows of year Y's
-- snapshot"), carrying each active employee's year-end salary and level. The runner makes it the
-- workforce table of the next year.
SELECT
    employee_id,
    draw_base,
    employee_birth_date AS birth_date,
    employee_hire_date AS hire_date,
    current_compensation_cents AS salary_cents,
    level_id
FROM int_workforce_snapshot
WHERE employment_status = 'active'
