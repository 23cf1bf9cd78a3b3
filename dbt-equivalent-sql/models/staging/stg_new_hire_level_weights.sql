-- stg_new_hire_level_weights: per job level, the fixed weight new-hire slots are spread with when the
-- scenario's config_new_hire_level_distribution is fixed (distribution_pct x 10^6 rounded; 0 for a
-- level it does not name). NULL when the distribution is adaptive: slots then follow each year's
-- start-of-year headcount by level (MODEL.md §3 "New hires").
WITH distribution AS (
    SELECT coalesce(bool_or(use_fixed_distribution), false) AS is_fixed
    FROM seed_new_hire_level_distribution
)
SELECT
    l.level_id,
    CASE WHEN d.is_fixed THEN coalesce(s.distribution_micros, 0) END AS fixed_weight
FROM stg_job_levels AS l
CROSS JOIN distribution AS d
LEFT JOIN seed_new_hire_level_distribution AS s ON s.level_id = l.level_id
