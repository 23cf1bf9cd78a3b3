-- assert_ensemble_bands_consistent (MODEL.md §6): the bands as written: exactly one row per year,
-- level (and level NULL, all levels) and metric of ensemble_metrics; each over every trial
-- (n_trials = trials); is_sufficient iff n_trials >= min_trials_for_bands, with sd and every
-- percentile set exactly when it is; min <= p5 <= p10 <= p25 <= p50 <= p75 <= p90 <= p95 <= max; and
-- min, max the smallest and largest of the trials' exact values read back from fct_workforce_summary
-- (all levels: summed over the trial's levels), divided by the metric's unit.
-- Returns the offending band rows, and the missing ones.
WITH summary_values AS (
    UNPIVOT (SELECT * EXCLUDE (scenario_id) FROM fct_workforce_summary)
    ON COLUMNS(* EXCLUDE (trial, simulation_year, level_id))
    INTO NAME summary_column VALUE summary_value
),
level_values AS (
    SELECT v.trial, v.simulation_year, CAST(v.level_id AS INTEGER) AS level_id, m.metric,
           CAST(v.summary_value * m.units_per_cent AS BIGINT) AS value
    FROM summary_values AS v
    JOIN ensemble_metrics AS m ON m.summary_column = v.summary_column
),
trial_values AS (
    SELECT * FROM level_values
    UNION ALL
    SELECT trial, simulation_year, NULL, metric, CAST(sum(value) AS BIGINT)
    FROM level_values
    GROUP BY ALL
),
extremes AS (
    SELECT simulation_year, level_id, metric, min(value) AS lowest, max(value) AS highest
    FROM trial_values
    GROUP BY ALL
),
expected AS (
    SELECT y.simulation_year, l.level_id, m.metric, CAST(m.units_per_cent AS DOUBLE) AS unit
    FROM (SELECT CAST(range AS INTEGER) AS simulation_year
          FROM stg_parameters AS p, range(p.start_year, p.end_year + 1)) AS y
    CROSS JOIN (SELECT level_id FROM stg_job_levels UNION ALL SELECT CAST(NULL AS INTEGER)) AS l
    CROSS JOIN ensemble_metrics AS m
),
checked AS (
    SELECT
        coalesce(e.simulation_year, b.simulation_year) AS simulation_year,
        coalesce(e.level_id, b.level_id) AS level_id,
        coalesce(e.metric, b.metric) AS metric,
        b.n_trials,
        b.is_sufficient,
        b.min,
        b.max,
        CASE
            WHEN b.metric IS NULL THEN 'missing band'
            WHEN e.metric IS NULL THEN 'band of no year, level and metric of the run'
            WHEN count(*) OVER (PARTITION BY b.simulation_year, b.level_id, b.metric) > 1 THEN 'duplicate band'
            WHEN b.n_trials <> p.trials THEN 'n_trials <> trials'
            WHEN b.is_sufficient <> (b.n_trials >= p.min_trials_for_bands) THEN 'is_sufficient <> n_trials >= min_trials_for_bands'
            WHEN b.is_sufficient AND (b.sd IS NULL OR b.p5 IS NULL OR b.p10 IS NULL OR b.p25 IS NULL OR b.p50 IS NULL
                                      OR b.p75 IS NULL OR b.p90 IS NULL OR b.p95 IS NULL) THEN 'sufficient band with NULLs'
            WHEN NOT b.is_sufficient AND (b.sd IS NOT NULL OR b.p5 IS NOT NULL OR b.p10 IS NOT NULL OR b.p25 IS NOT NULL
                                          OR b.p50 IS NOT NULL OR b.p75 IS NOT NULL OR b.p90 IS NOT NULL
                                          OR b.p95 IS NOT NULL) THEN 'insufficient band with percentiles'
            WHEN b.min > b.p5 OR b.p5 > b.p10 OR b.p10 > b.p25 OR b.p25 > b.p50 OR b.p50 > b.p75 OR b.p75 > b.p90
                 OR b.p90 > b.p95 OR b.p95 > b.max OR b.min > b.max THEN 'out of order'
            WHEN b.min <> CAST(x.lowest AS DOUBLE) / e.unit OR b.max <> CAST(x.highest AS DOUBLE) / e.unit
                THEN 'min or max <> the trials'' extremes'
        END AS problem
    FROM expected AS e
    FULL OUTER JOIN fct_ensemble_bands AS b
        ON b.simulation_year = e.simulation_year AND b.level_id IS NOT DISTINCT FROM e.level_id AND b.metric = e.metric
    LEFT JOIN extremes AS x
        ON x.simulation_year = e.simulation_year AND x.level_id IS NOT DISTINCT FROM e.level_id AND x.metric = e.metric
    CROSS JOIN stg_parameters AS p
)
SELECT problem, simulation_year, level_id, metric, n_trials, is_sufficient, min, max
FROM checked
WHERE problem IS NOT NULL
