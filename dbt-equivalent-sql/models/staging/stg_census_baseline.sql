-- stg_census_baseline: the start-of-year-1 workforce (MODEL.md §1.1 baseline, §3 start state): each
-- baseline census employee with the year-1 job level of their salary. The same in every trial;
-- stg_trial_baseline adds each trial's draw base.
-- Level: the smallest level whose [min, max) holds the salary, else the highest level whose min is at
-- most the salary (salaries above every band go to the top level), else the lowest level.
SELECT
    e.employee_id,
    e.birth_date,
    e.hire_date,
    e.compensation_cents AS salary_cents,
    CAST(coalesce(
        (SELECT min(j.level_id) FROM stg_job_levels AS j
         WHERE e.compensation_cents >= j.min_cents AND e.compensation_cents < j.max_cents),
        (SELECT max(j.level_id) FROM stg_job_levels AS j WHERE j.min_cents <= e.compensation_cents),
        (SELECT min(j.level_id) FROM stg_job_levels AS j)) AS INTEGER) AS level_id
FROM stg_census_employees AS e
WHERE e.bucket = 'baseline'
