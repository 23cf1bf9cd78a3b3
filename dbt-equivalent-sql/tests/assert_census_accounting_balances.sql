-- assert_census_accounting_balances (MODEL.md §5.5): input rows = baseline + terminated_before_start
-- + not_yet_hired + rejected, and each input row has exactly one fate (a reject, or a kept employee in
-- one bucket); the rejects in dq_census_issues are exactly the rejected rows.
-- Returns the violations: rows without exactly one fate, or a count that does not add up.
WITH fates AS (
    SELECT source, row_number, count(*) AS n
    FROM (
        SELECT source, row_number FROM stg_census_rejects
        UNION ALL
        SELECT source, row_number FROM stg_census_employees
    )
    GROUP BY ALL
)
SELECT 'input row without exactly one fate' AS problem, coalesce(r.source, f.source) AS source,
       coalesce(r.row_number, f.row_number) AS row_number
FROM raw_census AS r
FULL OUTER JOIN fates AS f ON f.source = r.source AND f.row_number = r.row_number
WHERE r.row_number IS NULL OR coalesce(f.n, 0) <> 1
UNION ALL
SELECT 'rows read <> baseline + terminated_before_start + not_yet_hired + rejected', NULL, rows_read
FROM stg_census_accounting
WHERE rows_read <> baseline + terminated_before_start + not_yet_hired + rejected
   OR rows_read <> (SELECT count(*) FROM raw_census)
UNION ALL
SELECT 'dq_census_issues rejects <> rejected rows', NULL, (SELECT count(*) FROM dq_census_issues WHERE severity = 'reject')
FROM stg_census_accounting
WHERE rejected <> (SELECT count(*) FROM dq_census_issues WHERE severity = 'reject')
