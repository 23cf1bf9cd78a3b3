-- stg_census_warnings: one row per warning of a kept census row (MODEL.md §1.1: implausible but
-- usable rows are kept and listed with severity warning). Rows that lost the duplicate tie-break
-- are rejects, not warnings.
SELECT source, row_number, employee_id, warning AS reason, raw_row, warning_order
FROM (
    SELECT source, row_number, employee_id, raw_row, 'hired_before_age_14' AS warning, 1 AS warning_order
    FROM stg_census_employees WHERE hired_before_age_14
    UNION ALL
    SELECT source, row_number, employee_id, raw_row, 'age_over_100', 2
    FROM stg_census_employees WHERE age_over_100
    UNION ALL
    SELECT source, row_number, employee_id, raw_row, 'compensation_over_10m', 3
    FROM stg_census_employees WHERE compensation_over_10m
)
