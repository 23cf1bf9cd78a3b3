-- int_population_totals: exact totals over S_Y (MODEL.md §3): N = headcount, W = sum of the integer
-- hazard weights w. Integers only, so no summation order can change a decision.
SELECT
    count(*) AS headcount,
    CAST(coalesce(sum(hazard_weight), 0) AS BIGINT) AS total_hazard_weight
FROM int_start_of_year_workforce
