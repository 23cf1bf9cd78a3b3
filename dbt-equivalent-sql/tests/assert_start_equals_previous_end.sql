-- assert_start_equals_previous_end (MODEL.md §5.1, §6): in the detail trials, who is in year Y's
-- snapshot without being one of Y's hires is exactly who was active at the end of Y-1 (year 1: the
-- census baseline), employee by employee; in every trial, each level's starting headcount in
-- fct_workforce_summary is the previous year's ending headcount of the level (year 1: the census
-- baseline's). Returns the employees found on one side only and the levels that do not carry over.
-- (A row that appears twice is what assert_one_snapshot_row_per_employee_year reports.)
WITH detail_trials AS (
    SELECT CAST(range AS INTEGER) AS trial
    FROM stg_parameters AS p, range(p.detail_trials)
),
continuing AS (
    SELECT trial, employee_id, simulation_year
    FROM fct_workforce_snapshot
    WHERE detailed_status_code NOT IN ('new_hire_active', 'new_hire_termination')
),
expected AS (
    SELECT t.trial, b.employee_id, p.start_year AS simulation_year
    FROM stg_census_baseline AS b CROSS JOIN stg_parameters AS p CROSS JOIN detail_trials AS t
    UNION ALL
    SELECT s.trial, s.employee_id, s.simulation_year + 1
    FROM fct_workforce_snapshot AS s CROSS JOIN stg_parameters AS p
    WHERE s.employment_status = 'active' AND s.simulation_year < p.end_year
),
baseline_levels AS (
    SELECT level_id, count(*) AS headcount
    FROM stg_census_baseline
    GROUP BY level_id
),
level_starts AS (
    SELECT
        m.trial,
        m.simulation_year,
        m.level_id,
        m.starting_headcount,
        CASE WHEN m.simulation_year = p.start_year THEN coalesce(b.headcount, 0) ELSE prev.ending_headcount END
            AS expected_start
    FROM fct_workforce_summary AS m
    CROSS JOIN stg_parameters AS p
    LEFT JOIN baseline_levels AS b ON b.level_id = m.level_id
    LEFT JOIN fct_workforce_summary AS prev
           ON prev.trial = m.trial AND prev.level_id = m.level_id AND prev.simulation_year = m.simulation_year - 1
)
SELECT
    CASE WHEN c.employee_id IS NULL THEN 'active at the start, missing from the snapshot'
         ELSE 'in the snapshot, neither hired nor active at the start' END AS problem,
    coalesce(c.trial, x.trial) AS trial,
    coalesce(c.employee_id, x.employee_id) AS employee_id,
    coalesce(c.simulation_year, x.simulation_year) AS simulation_year,
    NULL AS level_id,
    NULL AS starting_headcount,
    NULL AS expected_start
FROM continuing AS c
FULL OUTER JOIN expected AS x
    ON x.trial = c.trial AND x.employee_id = c.employee_id AND x.simulation_year = c.simulation_year
WHERE c.employee_id IS NULL OR x.employee_id IS NULL
UNION ALL
SELECT 'level starting headcount <> previous ending headcount', trial, NULL, simulation_year, level_id,
       starting_headcount, expected_start
FROM level_starts
WHERE expected_start IS DISTINCT FROM starting_headcount
