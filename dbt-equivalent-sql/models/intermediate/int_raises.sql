-- int_raises: the merit + COLA raise of year Y, effective Jul 15, for every stayer, on the salary after
-- any promotion (MODEL.md §3): r = merit(Y, level after promotion) + cola(Y, level);
-- new = round(salary x (1 + r)). A raise row exists for every stayer, also when r = 0. Carries what
-- the events and the snapshot need about the stayer's year: start salary, promotion, raise.
WITH promoted AS (
    SELECT
        s.trial,
        s.employee_id,
        s.draw_base,
        s.birth_date,
        s.hire_date,
        s.age,
        s.salary_cents AS start_salary_cents,
        pr.salary_cents AS promoted_salary_cents,
        pr.employee_id IS NOT NULL AS is_promoted,
        coalesce(pr.salary_cents, s.salary_cents) AS previous_salary_cents,
        coalesce(pr.level_id, s.level_id) AS level_id
    FROM int_stayers AS s
    LEFT JOIN int_promotions AS pr ON pr.trial = s.trial AND pr.employee_id = s.employee_id
)
SELECT
    s.*,
    round_half_away(CAST(s.previous_salary_cents AS DOUBLE) * (CAST(1 AS DOUBLE) + (r.merit_rate + r.cola_rate)))
        AS salary_cents
FROM promoted AS s
CROSS JOIN int_year_calendar AS c
JOIN stg_compensation_rates AS r ON r.simulation_year = c.simulation_year AND r.level_id = s.level_id
