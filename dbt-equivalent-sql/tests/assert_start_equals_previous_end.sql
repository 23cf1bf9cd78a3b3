-- assert_start_equals_previous_end (MODEL.md §5.1): who is in year Y's snapshot without being one of
-- Y's hires is exactly who was active at the end of Y-1 (year 1: the census baseline), employee by
-- employee. Returns the employees found more often on one side than on the other.
WITH continuing AS (
    SELECT employee_id, simulation_year, count(*) AS n
    FROM fct_workforce_snapshot
    WHERE detailed_status_code NOT IN ('new_hire_active', 'new_hire_termination')
    GROUP BY ALL
),
expected AS (
    SELECT employee_id, simulation_year, count(*) AS n
    FROM (
        SELECT b.employee_id, p.start_year AS simulation_year
        FROM stg_census_baseline AS b CROSS JOIN stg_parameters AS p
        UNION ALL
        SELECT s.employee_id, s.simulation_year + 1
        FROM fct_workforce_snapshot AS s CROSS JOIN stg_parameters AS p
        WHERE s.employment_status = 'active' AND s.simulation_year < p.end_year
    )
    GROUP BY ALL
)
SELECT
    coalesce(c.employee_id, x.employee_id) AS employee_id,
    coalesce(c.simulation_year, x.simulation_year) AS simulation_year,
    coalesce(c.n, 0) AS in_snapshot,
    coalesce(x.n, 0) AS active_at_start
FROM continuing AS c
FULL OUTER JOIN expected AS x ON x.employee_id = c.employee_id AND x.simulation_year = c.simulation_year
WHERE coalesce(c.n, 0) <> coalesce(x.n, 0)
