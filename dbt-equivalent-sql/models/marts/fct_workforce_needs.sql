-- fct_workforce_needs: one row per trial and simulated year (MODEL.md §4, §6: every trial): the exact
-- needs of the year and the ending workforce actually counted in the snapshot, with
-- termination_calibration = t x N x 10^9 / W.
-- Sources: run_workforce_needs and run_level_ledger, the runner's year-by-year appends of
-- int_workforce_needs and int_level_ledger.
-- materialized: view
WITH ending AS (
    SELECT trial, simulation_year, sum(ending_headcount) AS ending_workforce
    FROM run_level_ledger
    GROUP BY trial, simulation_year
)
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(n.trial AS INTEGER) AS trial,
    CAST(n.simulation_year AS INTEGER) AS simulation_year,
    CAST(n.starting_workforce AS BIGINT) AS starting_workforce,
    CAST(n.target_ending_workforce AS BIGINT) AS target_ending_workforce,
    CAST(n.experienced_terminations AS BIGINT) AS experienced_terminations,
    CAST(n.hires AS BIGINT) AS hires,
    CAST(n.new_hire_terminations AS BIGINT) AS new_hire_terminations,
    CAST(n.reduction_in_force AS BIGINT) AS rif_terminations,
    CAST(e.ending_workforce AS BIGINT) AS ending_workforce,
    CAST(n.termination_calibration AS DOUBLE) AS termination_calibration
FROM run_workforce_needs AS n
JOIN ending AS e ON e.trial = n.trial AND e.simulation_year = n.simulation_year
CROSS JOIN stg_parameters AS p
