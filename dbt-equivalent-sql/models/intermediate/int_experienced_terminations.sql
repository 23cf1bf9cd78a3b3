-- int_experienced_terminations: who leaves in year Y on their own (MODEL.md §3 "Experienced
-- terminations"): p = min(1, ((t x N) x w) / W) (p = t when W = 0); terminated iff u(1) < p, on
-- Jan 1 + (draw(2) mod D) days. Category experienced_termination. N and W are the employee's trial's.
WITH calibrated AS (
    SELECT
        w.*,
        CASE WHEN n.total_hazard_weight = 0 THEN p.total_termination_rate
             ELSE least(CAST(1 AS DOUBLE),
                        ((p.total_termination_rate * CAST(n.headcount AS DOUBLE)) * CAST(w.hazard_weight AS DOUBLE))
                        / CAST(n.total_hazard_weight AS DOUBLE))
        END AS termination_probability
    FROM int_start_of_year_workforce AS w
    JOIN int_population_totals AS n ON n.trial = w.trial
    CROSS JOIN stg_parameters AS p
)
SELECT
    t.trial,
    t.employee_id,
    t.draw_base,
    t.birth_date,
    t.hire_date,
    t.salary_cents,
    t.level_id,
    t.age,
    t.termination_probability,
    CAST(c.january_1 + CAST(mix_step(t.year_mix, 2) % CAST(c.days_in_year AS UBIGINT) AS INTEGER) AS DATE)
        AS termination_date
FROM calibrated AS t
CROSS JOIN int_year_calendar AS c
WHERE t.u_termination < t.termination_probability
