-- stg_census_employees: the census rows kept after the duplicate tie-break, each in its bucket
-- (MODEL.md §1.1), with the warnings it raises:
--   terminated_before_start  termination date on or before the as-of date
--   not_yet_hired            hire date after the as-of date
--   baseline                 everyone else: the start-of-year-1 workforce
-- Warnings (kept, but implausible): hired_before_age_14, age_over_100 (full years at the as-of date),
-- compensation_over_10m.
SELECT
    c.source,
    c.row_number,
    c.raw_row,
    c.employee_id,
    c.birth_date,
    c.hire_date,
    c.termination_date,
    c.compensation_cents,
    CASE
        WHEN c.termination_date IS NOT NULL AND c.termination_date <= p.census_as_of_date THEN 'terminated_before_start'
        WHEN c.hire_date > p.census_as_of_date THEN 'not_yet_hired'
        ELSE 'baseline'
    END AS bucket,
    -- (+ INTERVAL 14 YEAR turns Feb 29 into Feb 28, as Java's plusYears does)
    c.hire_date < CAST(c.birth_date + INTERVAL 14 YEAR AS DATE) AS hired_before_age_14,
    full_years_between(c.birth_date, p.census_as_of_date) > 100 AS age_over_100,
    c.compensation_cents > 1000000000 AS compensation_over_10m
FROM stg_census_candidates AS c
CROSS JOIN stg_parameters AS p
WHERE c.is_kept
