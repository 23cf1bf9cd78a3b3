-- int_population_totals: exact totals over S_Y (MODEL.md §3), one row per trial: N = headcount,
-- W = sum of the integer hazard weights w. Integers only, so no summation order can change a decision.
SELECT
    t.trial,
    count(w.employee_id) AS headcount,
    CAST(coalesce(sum(w.hazard_weight), 0) AS BIGINT) AS total_hazard_weight
FROM stg_trials AS t
LEFT JOIN int_start_of_year_workforce AS w ON w.trial = t.trial
GROUP BY t.trial
