-- int_new_hires: the H hires of year Y (MODEL.md §3 "New hires"), one row per trial and slot (each
-- trial has its own H and draws with its own seed key):
--   employee_id  NH_<Y>_<slot, zero-padded to 6>
--   age          categorical over the new-hire age distribution with r = draw(5) mod total (unsigned)
--   birth_date   Jan 1 of (Y - age) + (draw(6) mod days in that year)
--   hire_date    Jan 1 + (draw(7) mod D)
--   salary       round(avg_cents x (91 + 2 x (draw(8) mod 10)) / 100), exact integer division
-- and draw(9), whose NHT smallest values decide who leaves within the year (int_new_hire_terminations).
WITH slots AS (
    SELECT
        s.trial,
        s.slot,
        s.level_id,
        c.simulation_year,
        'NH_' || c.simulation_year || '_'
            || CASE WHEN length(CAST(s.slot AS VARCHAR)) >= 6 THEN CAST(s.slot AS VARCHAR)
                    ELSE lpad(CAST(s.slot AS VARCHAR), 6, '0') END AS employee_id
    FROM int_new_hire_level_slots AS s
    CROSS JOIN int_year_calendar AS c
),
based AS (
    SELECT s.*, draw_base(s.employee_id, t.seed_key) AS draw_base
    FROM slots AS s
    JOIN stg_trials AS t ON t.trial = s.trial
),
mixed AS (
    SELECT *, mix_step(draw_base, simulation_year) AS year_mix
    FROM based
),
drawn AS (
    SELECT
        *,
        mix_step(year_mix, 5) AS draw_hire_age,
        mix_step(year_mix, 6) AS draw_hire_birthday,
        mix_step(year_mix, 7) AS draw_hire_date,
        mix_step(year_mix, 8) AS draw_hire_pay_step,
        mix_step(year_mix, 9) AS draw_termination_rank,
        mix_step(year_mix, 10) AS draw_termination_date
    FROM mixed
),
aged AS (
    SELECT d.*, a.hire_age
    FROM drawn AS d
    JOIN stg_new_hire_ages AS a
      ON d.draw_hire_age % a.total_weight >= a.cumulative_before
     AND d.draw_hire_age % a.total_weight < a.cumulative_after
)
SELECT
    h.trial,
    h.employee_id,
    h.draw_base,
    h.level_id,
    CAST(make_date(h.simulation_year - h.hire_age, 1, 1)
         + CAST(h.draw_hire_birthday % CAST(days_in_year(h.simulation_year - h.hire_age) AS UBIGINT) AS INTEGER) AS DATE)
        AS birth_date,
    CAST(c.january_1 + CAST(h.draw_hire_date % CAST(c.days_in_year AS UBIGINT) AS INTEGER) AS DATE) AS hire_date,
    divide_rounded(r.hire_average_cents * (91 + 2 * CAST(h.draw_hire_pay_step % CAST(10 AS UBIGINT) AS BIGINT)), 100)
        AS salary_cents,
    h.draw_termination_rank,
    h.draw_termination_date
FROM aged AS h
CROSS JOIN int_year_calendar AS c
JOIN stg_compensation_rates AS r ON r.simulation_year = h.simulation_year AND r.level_id = h.level_id
