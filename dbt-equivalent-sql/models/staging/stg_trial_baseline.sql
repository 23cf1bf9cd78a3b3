-- stg_trial_baseline: the start-of-year-1 workforce of every trial (MODEL.md §3, §6): the census
-- baseline once per trial, with the employee's draw base mm64(key(id) XOR seed_key) of that trial
-- (§2). The runner makes it the first year's workforce table.
-- materialized: view
SELECT
    t.trial,
    b.employee_id,
    draw_base(b.employee_id, t.seed_key) AS draw_base,
    b.birth_date,
    b.hire_date,
    b.salary_cents,
    b.level_id
FROM stg_trials AS t
CROSS JOIN stg_census_baseline AS b
