-- stg_new_hire_ages: the scenario's new-hire age distribution (config_new_hire_age_distribution,
-- weights x 10^6 rounded, MODEL.md §3 "New hires") as cumulative integer ranges, in hire_age order.
-- A hire draws r = draw(5) mod total_weight (unsigned) and gets the age whose
-- [cumulative_before, cumulative_after) holds r: the first age whose cumulative weight exceeds r.
SELECT
    hire_age,
    age_weight_micros,
    CAST(coalesce(sum(age_weight_micros) OVER (ORDER BY hire_age ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS UBIGINT)
        AS cumulative_before,
    CAST(sum(age_weight_micros) OVER (ORDER BY hire_age ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS UBIGINT)
        AS cumulative_after,
    CAST(sum(age_weight_micros) OVER () AS UBIGINT) AS total_weight
FROM seed_new_hire_age_distribution
