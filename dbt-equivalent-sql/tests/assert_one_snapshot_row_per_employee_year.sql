-- assert_one_snapshot_row_per_employee_year (MODEL.md §5.2): one snapshot row per (scenario, trial,
-- employee, year), and one per start-of-year employee and hire (fct_workforce_needs: start + hires).
-- Returns the duplicated keys and the years whose row count is off.
SELECT scenario_id, trial, employee_id, simulation_year, count(*) AS snapshot_rows, NULL AS expected_rows
FROM fct_workforce_snapshot
GROUP BY ALL
HAVING count(*) > 1
UNION ALL
SELECT n.scenario_id, n.trial, NULL, n.simulation_year, s.snapshot_rows, n.starting_workforce + n.hires
FROM fct_workforce_needs AS n
LEFT JOIN (SELECT simulation_year, count(*) AS snapshot_rows FROM fct_workforce_snapshot GROUP BY ALL) AS s
    USING (simulation_year)
WHERE coalesce(s.snapshot_rows, 0) <> n.starting_workforce + n.hires
