-- fct_ensemble_bands: the spread of each metric over the ensemble's trials (MODEL.md §6), one row per
-- year, level (NULL = all levels) and metric, in the contract's columns and types: n_trials,
-- is_sufficient, mean, sample sd, min, type-7 percentiles p5 … p95, max; money in dollars; sd and the
-- percentiles NULL below min_trials_for_bands. Computed in int_ensemble_bands from the trials'
-- fct_workforce_summary rows; written to fct_ensemble_bands/simulation_year=<Y>/.
-- materialized: view
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(b.simulation_year AS INTEGER) AS simulation_year,
    CAST(b.level_id AS INTEGER) AS level_id,
    CAST(b.metric AS VARCHAR) AS metric,
    CAST(b.n_trials AS INTEGER) AS n_trials,
    CAST(b.is_sufficient AS BOOLEAN) AS is_sufficient,
    CAST(b.mean AS DOUBLE) AS mean,
    CAST(b.sd AS DOUBLE) AS sd,
    CAST(b.min AS DOUBLE) AS min,
    CAST(b.p5 AS DOUBLE) AS p5,
    CAST(b.p10 AS DOUBLE) AS p10,
    CAST(b.p25 AS DOUBLE) AS p25,
    CAST(b.p50 AS DOUBLE) AS p50,
    CAST(b.p75 AS DOUBLE) AS p75,
    CAST(b.p90 AS DOUBLE) AS p90,
    CAST(b.p95 AS DOUBLE) AS p95,
    CAST(b.max AS DOUBLE) AS max
FROM int_ensemble_bands AS b
CROSS JOIN stg_parameters AS p
