-- stg_census_rejects: every census row that cannot be used, with its reason and detail (MODEL.md §1.1):
-- rows that failed parsing (stg_census_rows) and the losers of the duplicate tie-break
-- (stg_census_candidates).
SELECT source, row_number, issue_employee_id AS employee_id, reject_reason AS reason, reject_detail AS detail, raw_row
FROM stg_census_rows
WHERE reject_reason IS NOT NULL

UNION ALL

SELECT
    source,
    row_number,
    employee_id,
    'duplicate_employee_id' AS reason,
    'another row of this employee_id wins the tie-break (latest hire date, then highest compensation, then first seen)'
        AS detail,
    raw_row
FROM stg_census_candidates
WHERE NOT is_kept
