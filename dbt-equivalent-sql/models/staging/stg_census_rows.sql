-- stg_census_rows: every census row as read, its values parsed, and, for a row that cannot be used,
-- why (MODEL.md §1.1 "rejected with a reason"). One row per input row.
--
-- Source: raw_census, loaded by the runner from the census file with the Flink job's own reader, so
-- line numbers (CSV: the line the record starts on; Parquet: the row index) and raw text are the same.
--
-- The first rule a row breaks is its reason, checked in this order:
--   malformed_row             the record has a different number of fields than the header
--   missing_employee_id       employee_id missing or blank after trimming
--   invalid_birth_date        missing, or not an ISO date (YYYY-MM-DD, optionally + a midnight time)
--   invalid_hire_date         likewise
--   invalid_termination_date  present but not an ISO date (empty = still employed)
--   invalid_compensation      missing, not a plain decimal number, or <= 0 once rounded to cents
WITH trimmed AS (
    SELECT
        r.*,
        java_trim(r.employee_id)                 AS id_text,
        java_is_blank(r.employee_id)             AS id_blank,
        java_trim(r.employee_birth_date)         AS birth_text,
        java_is_blank(r.employee_birth_date)     AS birth_blank,
        java_trim(r.employee_hire_date)          AS hire_text,
        java_is_blank(r.employee_hire_date)      AS hire_blank,
        java_trim(r.employee_termination_date)   AS termination_text,
        java_is_blank(r.employee_termination_date) AS termination_blank,
        java_trim(r.employee_gross_compensation) AS compensation_text,
        java_is_blank(r.employee_gross_compensation) AS compensation_blank
    FROM raw_census AS r
),

-- Dates: the first ten characters must be YYYY-MM-DD; anything after them must be a midnight time
-- ("T00:00", " 00:00:00", "T00:00:00.000Z", ...), as some exports write.
date_text AS (
    SELECT
        *,
        CASE WHEN length(birth_text) <= 10 THEN birth_text
             WHEN regexp_full_match(substr(birth_text, 11), '[T ]00:00(:00(\.0+)?)?Z?') THEN substr(birth_text, 1, 10)
        END AS birth_day_text,
        CASE WHEN length(hire_text) <= 10 THEN hire_text
             WHEN regexp_full_match(substr(hire_text, 11), '[T ]00:00(:00(\.0+)?)?Z?') THEN substr(hire_text, 1, 10)
        END AS hire_day_text,
        CASE WHEN length(termination_text) <= 10 THEN termination_text
             WHEN regexp_full_match(substr(termination_text, 11), '[T ]00:00(:00(\.0+)?)?Z?') THEN substr(termination_text, 1, 10)
        END AS termination_day_text
    FROM trimmed
),

-- Compensation: a plain decimal number (sign, digits, point, exponent; no currency or separators),
-- rounded half away from zero to cents, computed exactly on its digits:
--   value = significant_digits x 10^(exponent - fraction_length); cents = value x 100.
compensation_parts AS (
    SELECT
        *,
        regexp_full_match(compensation_text, '[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?')
            AS compensation_is_number,
        CASE WHEN starts_with(compensation_text, '-') THEN -1 ELSE 1 END AS compensation_sign,
        ltrim(regexp_extract(compensation_text, '^[+-]?([0-9]*)', 1)
              || regexp_extract(compensation_text, '\.([0-9]*)', 1), '0') AS compensation_digits,
        length(regexp_extract(compensation_text, '\.([0-9]*)', 1)) AS compensation_fraction_length,
        regexp_extract(compensation_text, '[eE]([+-]?[0-9]+)$', 1) AS compensation_exponent_text
    FROM date_text
),
compensation_shift AS (
    SELECT
        *,
        -- digits x 10^cents_shift = the amount in cents (before rounding)
        CAST(coalesce(try_cast(nullif(compensation_exponent_text, '') AS INTEGER), 0) AS BIGINT) + 2
            - compensation_fraction_length AS cents_shift,
        compensation_exponent_text <> '' AND try_cast(compensation_exponent_text AS INTEGER) IS NULL
            AS compensation_exponent_overflows
    FROM compensation_parts
),
compensation_cents AS (
    SELECT
        *,
        CASE
            WHEN compensation_blank OR NOT compensation_is_number OR compensation_exponent_overflows THEN NULL
            WHEN compensation_digits = '' THEN CAST(0 AS HUGEINT)
            -- at least 10^19 cents: beyond a 64-bit amount
            WHEN length(compensation_digits) + cents_shift > 19 THEN NULL
            -- below 0.1 cent: rounds to zero
            WHEN length(compensation_digits) + cents_shift < 0 THEN CAST(0 AS HUGEINT)
            WHEN cents_shift >= 0 THEN CAST(compensation_digits || repeat('0', CAST(cents_shift AS INTEGER)) AS HUGEINT)
            -- drop the digits below one cent; the first dropped digit decides the half-up rounding
            ELSE coalesce(try_cast(nullif(left(compensation_digits, CAST(length(compensation_digits) + cents_shift AS INTEGER)), '') AS HUGEINT), 0)
                 + CASE WHEN substr(compensation_digits, CAST(length(compensation_digits) + cents_shift + 1 AS INTEGER), 1) >= '5'
                        THEN 1 ELSE 0 END
        END * compensation_sign AS compensation_cents_wide
    FROM compensation_shift
),
parsed AS (
    SELECT
        *,
        CASE WHEN NOT birth_blank AND regexp_full_match(birth_day_text, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
             THEN try_cast(birth_day_text AS DATE) END AS birth_date,
        CASE WHEN NOT hire_blank AND regexp_full_match(hire_day_text, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
             THEN try_cast(hire_day_text AS DATE) END AS hire_date,
        CASE WHEN NOT termination_blank AND regexp_full_match(termination_day_text, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
             THEN try_cast(termination_day_text AS DATE) END AS termination_date,
        CASE WHEN compensation_cents_wide BETWEEN -9223372036854775808 AND 9223372036854775807
             THEN CAST(compensation_cents_wide AS BIGINT) END AS compensation_cents
    FROM compensation_cents
)
SELECT
    source,
    row_number,
    raw_row,
    -- the employee_id a data-quality row shows: trimmed, or empty when blank
    CASE WHEN id_blank THEN NULL ELSE id_text END AS issue_employee_id,
    id_text AS employee_id,
    birth_date,
    hire_date,
    termination_date,
    compensation_cents,
    CASE
        WHEN field_count <> expected_field_count THEN 'malformed_row'
        WHEN id_text IS NULL OR id_text = '' THEN 'missing_employee_id'
        WHEN birth_date IS NULL THEN 'invalid_birth_date'
        WHEN hire_date IS NULL THEN 'invalid_hire_date'
        WHEN NOT termination_blank AND termination_date IS NULL THEN 'invalid_termination_date'
        WHEN compensation_cents IS NULL OR compensation_cents <= 0 OR compensation_cents > 100000000000
            THEN 'invalid_compensation'
    END AS reject_reason,
    CASE
        WHEN field_count <> expected_field_count
            THEN 'the row has ' || field_count || ' fields but the header has ' || expected_field_count
        WHEN id_text IS NULL OR id_text = '' THEN 'employee_id is missing or blank'
        WHEN birth_date IS NULL THEN
            CASE WHEN birth_blank THEN 'employee_birth_date is missing'
                 ELSE 'employee_birth_date ''' || birth_text || ''' is not a date (expected YYYY-MM-DD)' END
        WHEN hire_date IS NULL THEN
            CASE WHEN hire_blank THEN 'employee_hire_date is missing'
                 ELSE 'employee_hire_date ''' || hire_text || ''' is not a date (expected YYYY-MM-DD)' END
        WHEN NOT termination_blank AND termination_date IS NULL
            THEN 'employee_termination_date ''' || termination_text || ''' is not a date (expected YYYY-MM-DD)'
        WHEN compensation_cents IS NULL THEN
            CASE WHEN compensation_blank THEN 'employee_gross_compensation is missing'
                 ELSE 'employee_gross_compensation ''' || compensation_text || ''' is not a plain decimal amount' END
        WHEN compensation_cents <= 0
            THEN 'employee_gross_compensation must be greater than 0, got ''' || compensation_text || ''''
        -- at most one billion a year, so no raise or payroll sum can overflow 64-bit cents
        WHEN compensation_cents > 100000000000
            THEN 'employee_gross_compensation must be at most 1000000000, got ''' || compensation_text || ''''
    END AS reject_detail
FROM parsed
