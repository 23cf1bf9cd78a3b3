-- int_reduction_in_force: in each trial whose net <= 0, the survivors laid off in year Y (MODEL.md §3):
-- the trial's RIF survivors with the smallest u(11) / w (w = 0 sorts last), ties by employee_id;
-- terminated on Jan 1 + (draw(2) mod D) days, category reduction_in_force. Ranked within the trial.
WITH laying_off AS (
    SELECT trial, reduction_in_force
    FROM int_workforce_needs
    WHERE reduction_in_force > 0
),
survivors AS (
    SELECT w.*, n.reduction_in_force, uniform(mix_step(w.year_mix, 11)) AS u_rif_rank
    FROM int_start_of_year_workforce AS w
    JOIN laying_off AS n ON n.trial = w.trial
    ANTI JOIN int_experienced_terminations AS x ON x.trial = w.trial AND x.employee_id = w.employee_id
),
ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY trial
            ORDER BY hazard_weight = 0,
                     CASE WHEN hazard_weight <> 0 THEN u_rif_rank / CAST(hazard_weight AS DOUBLE) END,
                     employee_id) AS rif_rank
    FROM survivors
    QUALIFY rif_rank <= reduction_in_force
)
SELECT
    r.trial,
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
