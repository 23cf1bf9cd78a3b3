-- stg_census_accounting: where every census row went (MODEL.md §1.1), one row, and whether the run
-- may go on. rows_read must equal baseline + terminated_before_start + not_yet_hired + rejected.
--
-- stop_reason is set when the census cannot be projected: no data rows, more rejects than
-- setup.max_reject_fraction allows (compared exactly: rejected x denominator > units x rows_read),
-- or nobody active on the as-of date. The runner stops before writing anything when it is set.
WITH counts AS (
    SELECT
        (SELECT count(*) FROM raw_census) AS rows_read,
        (SELECT count(*) FROM stg_census_employees WHERE bucket = 'baseline') AS baseline,
        (SELECT count(*) FROM stg_census_employees WHERE bucket = 'terminated_before_start') AS terminated_before_start,
        (SELECT count(*) FROM stg_census_employees WHERE bucket = 'not_yet_hired') AS not_yet_hired,
        (SELECT count(*) FROM stg_census_rejects) AS rejected,
        (SELECT count(*) FROM stg_census_warnings) AS warnings
)
SELECT
    c.*,
    CASE
        WHEN c.rows_read = 0 THEN 'the census has no data rows'
        WHEN CAST(c.rejected AS HUGEINT) * p.max_reject_fraction_denominator
             > p.max_reject_fraction_units * c.rows_read
            THEN printf('%d of %d census rows (%.1f%%) were rejected, more than setup.max_reject_fraction = %s; '
                        || 'raise the limit in the scenario config to project anyway and see each reject in dq_census_issues',
                        c.rejected, c.rows_read, 100.0 * c.rejected / c.rows_read, CAST(p.max_reject_fraction AS VARCHAR))
        WHEN c.baseline = 0
            THEN 'the census has no employee active on the as-of date (0 baseline rows of ' || c.rows_read || ')'
    END AS stop_reason
FROM counts AS c
CROSS JOIN stg_parameters AS p
