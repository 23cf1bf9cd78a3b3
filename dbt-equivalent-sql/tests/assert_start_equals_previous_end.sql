-- assert_start_equals_previous_end (MODEL.md §5.1): who is in year Y's snapshot without being one of
-- Y's hires is exactly who was active at the end of Y-1 (year 1: the census baseline), employee by
-- employee. Returns the employees found on one side only. (A row that appears twice is what
-- assert_one_snapshot_row_per_employee_year reports.)
WITH continuing AS (
    SELECT employee_id, simulation_year
    FROM fct_workforce_snapshot
    WHERE detailed_status_code NOT IN ('new_hire_active', 'new_hire_termination')
),
expected AS (
    SELECT b.employee_id, p.start_year AS simulation_year
    FROM stg_census_baseline AS b CROSS JOIN stg_parameters AS p
    UNION ALL
    SELECT s.employee_id, s.simulation_year + 1
    FROM fct_workforce_snapshot AS s CROSS JOIN stg_parameters AS p
    WHERE s.employment_status = 'active' AND s.simulation_year < p.end_year
)
SELECT
    CASE WHEN c.employee_id IS NULL THEN 'active at the start, missing from the snapshot'
         ELSE 'in the snapshot, neither hired nor active at the start' END AS problem,
    coalesce(c.employee_id, x.employee_id) AS employee_id,
    coalesce(c.simulation_year, x.simulation_year) AS simulation_year
FROM continuing AS c
FULL OUTER JOIN expected AS x ON x.employee_id = c.employee_id AND x.simulation_year = c.simulation_year
WHERE c.employee_id IS NULL OR x.employee_id IS NULL
