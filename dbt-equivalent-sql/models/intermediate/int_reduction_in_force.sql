-- int_reduction_in_force: when net <= 0, the survivors laid off in year Y (MODEL.md §3): those with the
-- smallest u(11) / w (w = 0 sorts last), ties by employee_id; terminated on Jan 1 + (draw(2) mod D)
-- days, category reduction_in_force.
WITH survivors AS (
    SELECT w.*, uniform(mix_step(w.year_mix, 11)) AS u_rif_rank
    FROM int_start_of_year_workforce AS w
    WHERE (SELECT reduction_in_force FROM int_workforce_needs) > 0
      AND w.employee_id NOT IN (SELECT employee_id FROM int_experienced_terminations)
),
ranked AS (
    SELECT *
    FROM survivors
    ORDER BY hazard_weight = 0,
             CASE WHEN hazard_weight <> 0 THEN u_rif_rank / CAST(hazard_weight AS DOUBLE) END,
             employee_id
    LIMIT (SELECT reduction_in_force FROM int_workforce_needs)
)
SELECT
    r.employee_id,
    r.draw_base,
    r.birth_date,
    r.hire_date,
    r.salary_cents,
    r.level_id,
    r.age,
    CAST(c.january_1 + CAST(mix_step(r.year_mix, 2) % CAST(c.days_in_year AS UBIGINT) AS INTEGER) AS DATE)
        AS termination_date
FROM ranked AS r
CROSS JOIN int_year_calendar AS c
