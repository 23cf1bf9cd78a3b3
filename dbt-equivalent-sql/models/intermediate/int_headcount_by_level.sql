-- int_headcount_by_level: S_Y's headcount per trial and job level, every level listed (0 when empty).
-- It is the summary mart's starting_headcount and the adaptive new-hire level weights (MODEL.md §3).
WITH counted AS (
    SELECT trial, level_id, count(*) AS headcount
    FROM int_start_of_year_workforce
    GROUP BY trial, level_id
)
SELECT
    t.trial,
    c.simulation_year,
    l.level_id,
    coalesce(n.headcount, 0) AS headcount
FROM stg_trials AS t
CROSS JOIN stg_job_levels AS l
CROSS JOIN int_year_calendar AS c
LEFT JOIN counted AS n ON n.trial = t.trial AND n.level_id = l.level_id
