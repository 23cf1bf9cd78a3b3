-- dq_census_issues: the census rows staging rejected (severity reject) or kept with a warning
-- (severity warning), with their reason, detail, raw text and line/row number (MODEL.md §1.1, §4).
-- simulation_year is the first simulated year; trial is 0 (staging is the same in every trial).
-- materialized: view
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(0 AS INTEGER) AS trial,
    CAST(p.start_year AS INTEGER) AS simulation_year,
    CAST(i.source AS VARCHAR) AS source,
    CAST(i.row_number AS BIGINT) AS row_number,
    CAST(i.employee_id AS VARCHAR) AS employee_id,
    CAST(i.severity AS VARCHAR) AS severity,
    CAST(i.reason AS VARCHAR) AS reason,
    CAST(i.detail AS VARCHAR) AS detail,
    CAST(i.raw_row AS VARCHAR) AS raw_row
FROM (
    SELECT source, row_number, employee_id, 'reject' AS severity, reason, detail, raw_row
    FROM stg_census_rejects
    UNION ALL
    SELECT source, row_number, employee_id, 'warning', reason, NULL, raw_row
    FROM stg_census_warnings
) AS i
CROSS JOIN stg_parameters AS p
