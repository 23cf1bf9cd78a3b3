-- int_trial_figures: the exact values each trial contributes to the ensemble bands (MODEL.md §6), one
-- row per trial, year, level and metric, plus level NULL = the sum over the trial's levels. Each metric
-- is read from the fct_workforce_summary column ensemble_metrics names (the runner writes that table
-- from the contract's EnsembleMetric, so the list lives once): headcounts as they are, money as integer
-- cents (value x units_per_cent, exact in DECIMAL). Sums are exact integers.
WITH unpivoted AS (
    UNPIVOT (SELECT * EXCLUDE (scenario_id) FROM fct_workforce_summary)
    ON COLUMNS(* EXCLUDE (trial, simulation_year, level_id))
    INTO NAME summary_column VALUE summary_value
),
per_level AS (
    SELECT
        u.trial,
        u.simulation_year,
        CAST(u.level_id AS INTEGER) AS level_id,
        m.metric,
        m.units_per_cent,
        CAST(u.summary_value * m.units_per_cent AS BIGINT) AS value
    FROM unpivoted AS u
    JOIN ensemble_metrics AS m ON m.summary_column = u.summary_column
)
SELECT trial, simulation_year, level_id, metric, units_per_cent, value
FROM per_level
UNION ALL
SELECT trial, simulation_year, CAST(NULL AS INTEGER), metric, units_per_cent, CAST(sum(value) AS BIGINT)
FROM per_level
GROUP BY trial, simulation_year, metric, units_per_cent
