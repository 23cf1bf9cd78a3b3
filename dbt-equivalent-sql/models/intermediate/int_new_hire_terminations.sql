-- int_new_hire_terminations: the NHT hires of year Y who leave within the year, per trial (MODEL.md §3
-- "New-hire terminations"): the trial's hires with the smallest draw(9) (unsigned; ties by
-- employee_id), leaving on hire date + (draw(10) mod days(hire date -> Dec 31, inclusive)).
WITH leaving AS (
    SELECT trial, new_hire_terminations
    FROM int_workforce_needs
    WHERE new_hire_terminations > 0
),
ranked AS (
    SELECT
        h.trial,
        h.employee_id,
        h.hire_date,
        h.draw_termination_date,
        n.new_hire_terminations,
        row_number() OVER (PARTITION BY h.trial ORDER BY h.draw_termination_rank, h.employee_id) AS termination_rank
    FROM int_new_hires AS h
    JOIN leaving AS n ON n.trial = h.trial
    QUALIFY termination_rank <= new_hire_terminations
)
SELECT
    r.trial,
    r.employee_id,
    CAST(r.hire_date
         + CAST(r.draw_termination_date % CAST(date_diff('day', r.hire_date, c.december_31) + 1 AS UBIGINT) AS INTEGER)
         AS DATE) AS termination_date
FROM ranked AS r
CROSS JOIN int_year_calendar AS c
