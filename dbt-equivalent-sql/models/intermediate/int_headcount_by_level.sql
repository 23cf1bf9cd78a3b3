-- int_headcount_by_level: S_Y's headcount per job level, every level listed (0 when empty). It is the
-- summary mart's starting_headcount and the adaptive new-hire level weights (MODEL.md §3).
SELECT
    c.simulation_year,
    l.level_id,
    count(w.employee_id) AS headcount
FROM stg_job_levels AS l
CROSS JOIN int_year_calendar AS c
LEFT JOIN int_start_of_year_workforce AS w ON w.level_id = l.level_id
GROUP BY c.simulation_year, l.level_id
