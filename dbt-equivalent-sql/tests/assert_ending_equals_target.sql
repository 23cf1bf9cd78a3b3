-- assert_ending_equals_target (MODEL.md §5.1, §6): in every trial, each year ends with exactly
-- target = round(start x (1 + g)) active employees, start counted independently (year 1: the census
-- baseline; later: the trial's previous ending headcount in fct_workforce_summary), and the needs mart
-- says the same; in the detail trials the active rows of the snapshot count the same, and every trial
-- has its needs row every year. Returns the trials and years where it does not hold.
WITH summary AS (
    SELECT trial, simulation_year, sum(ending_headcount) AS ending
    FROM fct_workforce_summary
    GROUP BY trial, simulation_year
),
actives AS (
    SELECT trial, simulation_year, count(*) AS ending
    FROM fct_workforce_snapshot
    WHERE employment_status = 'active'
    GROUP BY trial, simulation_year
),
years AS (
    SELECT
        n.trial,
        n.simulation_year,
        CASE WHEN n.simulation_year = p.start_year THEN (SELECT count(*) FROM stg_census_baseline)
             ELSE coalesce(prev.ending, 0) END AS start,
        coalesce(s.ending, 0) AS ending,
        a.ending AS snapshot_ending,
        n.trial < p.detail_trials AS is_detail_trial,
        n.target_ending_workforce,
        n.ending_workforce,
        p.target_growth_rate_units,
        p.target_growth_rate_denominator
    FROM fct_workforce_needs AS n
    CROSS JOIN stg_parameters AS p
    LEFT JOIN summary AS s ON s.trial = n.trial AND s.simulation_year = n.simulation_year
    LEFT JOIN summary AS prev ON prev.trial = n.trial AND prev.simulation_year = n.simulation_year - 1
    LEFT JOIN actives AS a ON a.trial = n.trial AND a.simulation_year = n.simulation_year
),
expected AS (
    SELECT *,
           (2 * CAST(start AS HUGEINT) * (target_growth_rate_denominator + target_growth_rate_units)
            + target_growth_rate_denominator) // (2 * target_growth_rate_denominator) AS expected_target
    FROM years
),
every_trial_year AS (
    SELECT CAST(t.range AS INTEGER) AS trial, CAST(y.range AS INTEGER) AS simulation_year
    FROM stg_parameters AS p, range(p.trials) AS t, range(p.start_year, p.end_year + 1) AS y
)
SELECT 'ending <> target' AS problem, trial, simulation_year, start, ending, snapshot_ending,
       target_ending_workforce, ending_workforce, expected_target
FROM expected
WHERE ending <> expected_target OR target_ending_workforce <> ending OR ending_workforce <> ending
   OR (is_detail_trial AND coalesce(snapshot_ending, 0) <> ending)
UNION ALL
SELECT 'no needs row for the trial and year', e.trial, e.simulation_year, NULL, NULL, NULL, NULL, NULL, NULL
FROM every_trial_year AS e
ANTI JOIN fct_workforce_needs AS n ON n.trial = e.trial AND n.simulation_year = e.simulation_year
