-- int_workforce_needs: the exact workforce needs of year Y (MODEL.md §3 "Workforce needs"), one row
-- per trial.
--   target    = round(N x (1 + g))           half up, in integers: g = units / denominator
--   survivors = N - T;  net = target - survivors
--   net > 0:  hires H = ceil(net / (1 - nh)) (in integers), new-hire terminations NHT = H - net, RIF 0
--   net <= 0: H = 0, NHT = 0, RIF = -net
-- so ending headcount = target exactly. termination_calibration = t x N x 10^9 / W (NULL when W = 0).
WITH terminated AS (
    SELECT trial, count(*) AS experienced_terminations
    FROM int_experienced_terminations
    GROUP BY trial
),
sized AS (
    SELECT
        n.trial,
        c.simulation_year,
        n.headcount AS starting_workforce,
        n.total_hazard_weight,
        coalesce(x.experienced_terminations, 0) AS experienced_terminations,
        CAST((2 * CAST(n.headcount AS HUGEINT) * (p.target_growth_rate_denominator + p.target_growth_rate_units)
              + p.target_growth_rate_denominator)
             // (2 * p.target_growth_rate_denominator) AS BIGINT) AS target_ending_workforce,
        p.new_hire_termination_rate_units,
        p.new_hire_termination_rate_denominator,
        CASE WHEN n.total_hazard_weight = 0 THEN NULL
             ELSE ((p.total_termination_rate * CAST(n.headcount AS DOUBLE)) * CAST(1e9 AS DOUBLE))
                  / CAST(n.total_hazard_weight AS DOUBLE)
        END AS termination_calibration
    FROM int_population_totals AS n
    LEFT JOIN terminated AS x ON x.trial = n.trial
    CROSS JOIN int_year_calendar AS c
    CROSS JOIN stg_parameters AS p
),
netted AS (
    SELECT *, target_ending_workforce - (starting_workforce - experienced_terminations) AS net_change
    FROM sized
),
hired AS (
    SELECT
        *,
        CASE WHEN net_change > 0
             THEN CAST((CAST(net_change AS HUGEINT) * new_hire_termination_rate_denominator
                        + (new_hire_termination_rate_denominator - new_hire_termination_rate_units) - 1)
                       // (new_hire_termination_rate_denominator - new_hire_termination_rate_units) AS BIGINT)
             ELSE 0
        END AS hires
    FROM netted
)
SELECT
    trial,
    simulation_year,
    starting_workforce,
    total_hazard_weight,
    experienced_terminations,
    target_ending_workforce,
    hires,
    CASE WHEN net_change > 0 THEN hires - net_change ELSE 0 END AS new_hire_terminations,
    CASE WHEN net_change > 0 THEN 0 ELSE -net_change END AS reduction_in_force,
    termination_calibration
FROM hired
