-- int_new_hire_terminations: the NHT hires of year Y who leave within the year (MODEL.md §3
-- "New-hire terminations"): those with the smallest draw(9) (unsigned; ties by employee_id), leaving
-- on hire date + (draw(10) mod days(hire date -> Dec 31, inclusive)).
WITH ranked AS (
    SELECT employee_id, hire_date, draw_termination_date
    FROM int_new_hires
    ORDER BY draw_termination_rank, employee_id
    LIMIT (SELECT new_hire_terminations FROM int_workforce_needs)
)
SELECT
    r.employee_id,
    CAST(r.hire_date
         + CAST(r.draw_termination_date % CAST(date_diff('day', r.hire_date, c.december_31) + 1 AS UBIGINT) AS INTEGER)
         AS DATE) AS termination_date
FROM ranked AS r
CROSS JOIN int_year_calendar AS c
