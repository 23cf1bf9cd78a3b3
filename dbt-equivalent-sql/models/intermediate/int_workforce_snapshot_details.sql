-- int_workforce_snapshot_details: the year-end snapshot of year Y of the detail trials
-- (trial < detail_trials, MODEL.md §6), with what only the written rows need (§3 "Year-end
-- snapshot", §4): age = Y - year(birth), tenure at Dec 31 (or at the termination date), and their bands.
-- materialized: view
WITH detail AS (
    SELECT s.*
    FROM int_workforce_snapshot AS s
    SEMI JOIN stg_trials AS t ON t.trial = s.trial AND t.is_detail_trial
),
measured AS (
    SELECT
        s.*,
        c.simulation_year - year(s.employee_birth_date) AS current_age,
        tenure_years(s.employee_hire_date, coalesce(s.termination_date, c.december_31)) AS current_tenure
    FROM detail AS s
    CROSS JOIN int_year_calendar AS c
),
banded AS (
    SELECT
        m.*,
        least(greatest(m.current_age, (SELECT min(age_value) FROM stg_age_bands)),
              (SELECT max(age_value) FROM stg_age_bands)) AS age_band_key,
        least(greatest(m.current_tenure, (SELECT min(tenure_value) FROM stg_tenure_bands)),
              (SELECT max(tenure_value) FROM stg_tenure_bands)) AS tenure_band_key
    FROM measured AS m
)
SELECT
    b.trial,
    b.employee_id,
    b.employee_birth_date,
    b.employee_hire_date,
    b.employment_status,
    b.detailed_status_code,
    b.termination_date,
    b.termination_reason,
    b.current_compensation_cents,
    b.prorated_annual_compensation_cents,
    b.level_id,
    b.current_age,
    b.current_tenure,
    ab.band_label AS age_band,
    tb.band_label AS tenure_band
FROM banded AS b
JOIN stg_age_bands AS ab ON ab.age_value = b.age_band_key
JOIN stg_tenure_bands AS tb ON tb.tenure_value = b.tenure_band_key
