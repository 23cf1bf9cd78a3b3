-- stg_census_candidates: the census rows that parsed, with the duplicate tie-break of MODEL.md §1.1
-- applied: per employee_id the row with the latest hire date wins, then the highest compensation,
-- then the row seen first (source, then row number). is_kept marks the winner; the others are
-- rejected as duplicate_employee_id (see stg_census_rejects).
SELECT
    source,
    row_number,
    raw_row,
    employee_id,
    birth_date,
    hire_date,
    termination_date,
    compensation_cents,
    row_number() OVER (
        PARTITION BY employee_id
        ORDER BY hire_date DESC, compensation_cents DESC, source, row_number
    ) = 1 AS is_kept
FROM stg_census_rows
WHERE reject_reason IS NULL
