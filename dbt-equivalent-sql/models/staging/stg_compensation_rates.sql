-- stg_compensation_rates: per simulated year and job level, the raise rates and the new-hire pay
-- anchor (MODEL.md §3 "Merit + COLA raise" and "New hires").
--   merit  comp_levers RAISE/merit_base (0 for a level without one); with compensation.merit_budget
--          set, multiplied by merit_budget / (mean merit_base of that year over all levels)
--   cola   compensation.cola_rate if set, else comp_levers RAISE/cola_rate, else 0
--   hire_average_cents = round((min + (max - min) x percentile x market) x 100), with comp_levers HIRE
--          compensation_percentile (default 0.5) and market_adjustment_multiplier (default 1.0)
-- Source: seed_comp_levers, the scenario's comp_levers values in effect for each year and level.
-- Doubles are combined in the Java model's order; the merit sum runs over the levels in order.
WITH levels_by_year AS (
    SELECT
        y.simulation_year,
        l.level_id,
        l.min_compensation,
        l.max_compensation,
        coalesce(c.merit_base, CAST(0.0 AS DOUBLE)) AS merit_base,
        c.cola_rate,
        coalesce(c.compensation_percentile, CAST(0.5 AS DOUBLE)) AS compensation_percentile,
        coalesce(c.market_adjustment_multiplier, CAST(1.0 AS DOUBLE)) AS market_adjustment_multiplier
    FROM (SELECT CAST(range AS INTEGER) AS simulation_year
          FROM stg_parameters, range(start_year, end_year + 1)) AS y
    CROSS JOIN stg_job_levels AS l
    LEFT JOIN seed_comp_levers AS c ON c.simulation_year = y.simulation_year AND c.level_id = l.level_id
),
merit_mean AS (
    SELECT
        simulation_year,
        list_reduce(list(merit_base ORDER BY level_id), (a, b) -> a + b) / CAST(count(*) AS DOUBLE) AS mean_merit_base
    FROM levels_by_year
    GROUP BY simulation_year
)
SELECT
    l.simulation_year,
    l.level_id,
    CASE WHEN p.merit_budget IS NOT NULL AND m.mean_merit_base <> 0
         THEN l.merit_base * (p.merit_budget / m.mean_merit_base)
         ELSE l.merit_base END AS merit_rate,
    coalesce(p.cola_rate, l.cola_rate, CAST(0.0 AS DOUBLE)) AS cola_rate,
    round_half_away(
        (l.min_compensation + ((l.max_compensation - l.min_compensation) * l.compensation_percentile)
                              * l.market_adjustment_multiplier)
        * CAST(100 AS DOUBLE)) AS hire_average_cents
FROM levels_by_year AS l
JOIN merit_mean AS m USING (simulation_year)
CROSS JOIN stg_parameters AS p
