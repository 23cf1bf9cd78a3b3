-- int_ensemble_bands: the spread of every metric over the trials (MODEL.md §6), one row per year,
-- level (NULL = all levels) and metric, exactly as the Java model's BandStatistics computes it: the
-- values x are the trials' exact integers sorted ascending, s = units_per_cent (100 for money, else 1);
--   n = the number of trials; mean = (Σx / n) / s with Σx an exact integer; min = x[0] / s, max = x[n−1] / s
--   sd = sqrt(ss / (n − 1)) / s, ss = Σ (x − m)² with m = Σx / n, added in ascending order of x
--   p5 … p95: Hyndman–Fan type 7 on x (percentile_type7), divided by s
-- is_sufficient = n >= min_trials_for_bands; below it sd and the percentiles are NULL.
WITH gathered AS (
    SELECT
        simulation_year,
        level_id,
        metric,
        CAST(any_value(units_per_cent) AS DOUBLE) AS s,
        list_sort(list(value)) AS x,
        CAST(count(*) AS INTEGER) AS n,
        CAST(sum(value) AS BIGINT) AS total
    FROM int_trial_figures
    GROUP BY simulation_year, level_id, metric
),
moments AS (
    SELECT
        g.*,
        CAST(g.total AS DOUBLE) / CAST(g.n AS DOUBLE) AS m,
        g.n >= p.min_trials_for_bands AS is_sufficient
    FROM gathered AS g
    CROSS JOIN stg_parameters AS p
)
SELECT
    simulation_year,
    level_id,
    metric,
    n AS n_trials,
    is_sufficient,
    m / s AS mean,
    CASE WHEN is_sufficient THEN sqrt(squared_deviations(x, m) / CAST(n - 1 AS DOUBLE)) / s END AS sd,
    CAST(x[1] AS DOUBLE) / s AS min,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.05' AS DOUBLE)) / s END AS p5,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.10' AS DOUBLE)) / s END AS p10,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.25' AS DOUBLE)) / s END AS p25,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.50' AS DOUBLE)) / s END AS p50,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.75' AS DOUBLE)) / s END AS p75,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.90' AS DOUBLE)) / s END AS p90,
    CASE WHEN is_sufficient THEN percentile_type7(x, CAST('0.95' AS DOUBLE)) / s END AS p95,
    CAST(x[n] AS DOUBLE) / s AS max
FROM moments
