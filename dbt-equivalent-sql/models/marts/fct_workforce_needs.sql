-- fct_workforce_needs: one row per simulated year (MODEL.md §4): the exact needs of the year and the
-- ending workforce actually counted in the snapshot, with termination_calibration = t x N x 10^9 / W.
-- Sources: run_workforce_needs and run_level_ledger, the runner's year-by-year appends of
-- int_workforce_needs and int_level_ledger.
-- materialized: view
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(p.trial AS INTEGER) AS trial,
    CAST(n.simulation_year AS INTEGER) AS simulation_year,
    CAST(n.starting_workforce AS BIGINT) AS starting_workforce,
    CAST(n.target_ending_workforce AS BIGINT) AS target_ending_workforce,
    CAST(n.experienced_terminations AS BIGINT) AS experienced_terminations,
    CAST(n.hires AS BIGINT) AS hires,
    CAST(n.new_hire_terminations AS BIGINT) AS new_hire_terminations,
    CAST(n.reduction_in_force AS BIGINT) AS rif_terminations,
    CAST((SELECT sum(l.ending_headcount) FROM run_level_ledger AS l WHERE l.simulation_year = n.simulation_year)
         AS BIGINT) AS ending_workforce,
    CAST(n.termination_calibration AS DOUBLE) AS termination_calibration
FROM run_workforce_needs AS n
CROSS JOIN stg_parameters AS p
