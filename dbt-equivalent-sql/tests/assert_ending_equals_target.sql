-- assert_ending_equals_target (MODEL.md §5.1): each year ends with exactly
-- target = round(start x (1 + g)) active employees, start counted independently (year 1: the census
-- baseline; later: the previous year's active snapshot rows), and the needs mart says the same.
-- Returns the years where it does not hold.
WITH actives AS (
    SELECT simulation_year, count(*) AS ending
    FROM fct_workforce_snapshot
    WHERE employment_status = 'active'
    GROUP BY simulation_year
),
years AS (
    SELECT
        n.simulation_year,
        CASE WHEN n.simulation_year = p.start_year THEN (SELECT count(*) FROM stg_census_baseline)
             ELSE coalesce(prev.ending, 0) END AS start,
        coalesce(a.ending, 0) AS ending,
        n.target_ending_workforce,
        n.ending_workforce,
        p.target_growth_rate_units,
        p.target_growth_rate_denominator
    FROM fct_workforce_needs AS n
    CROSS JOIN stg_parameters AS p
    LEFT JOIN actives AS a ON a.simulation_year = n.simulation_year
    LEFT JOIN actives AS prev ON prev.simulation_year = n.simulation_year - 1
)
SELECT simulation_year, start, ending, target_ending_workforce, ending_workforce,
       (2 * CAST(start AS HUGEINT) * (target_growth_rate_denominator + target_growth_rate_units) + target_growth_rate_denominator)
           // (2 * target_growth_rate_denominator) AS expected_target
FROM years
WHERE ending <> expected_target OR target_ending_workforce <> ending OR ending_workforce <> ending
