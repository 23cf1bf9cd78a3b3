-- int_yearly_event_details: the events of year Y of the detail trials (trial < detail_trials,
-- MODEL.md §6), with what only the written rows need (§4 fct_yearly_events):
--   event_id = EVT_ + 16 hex of mm64(draw_base XOR (Y x 16 + type code)), codes hire 1, promotion 2,
--   raise 3, termination 4; employee_tenure = floor(days(hire -> effective date) / 365.25); the
--   age and tenure bands of employee_age and employee_tenure.
-- materialized: view
WITH detail AS (
    SELECT e.*
    FROM int_yearly_events AS e
    SEMI JOIN stg_trials AS t ON t.trial = e.trial AND t.is_detail_trial
),
dated AS (
    SELECT
        e.*,
        mix_step(e.draw_base, c.simulation_year * 16
                 + CASE e.event_type WHEN 'hire' THEN 1 WHEN 'promotion' THEN 2 WHEN 'raise' THEN 3 ELSE 4 END)
            AS event_hash,
        tenure_years(e.hire_date, e.effective_date) AS employee_tenure
    FROM detail AS e
    CROSS JOIN int_year_calendar AS c
),
banded AS (
    SELECT
        d.*,
        least(greatest(d.employee_age, (SELECT min(age_value) FROM stg_age_bands)),
              (SELECT max(age_value) FROM stg_age_bands)) AS age_band_key,
        least(greatest(d.employee_tenure, (SELECT min(tenure_value) FROM stg_tenure_bands)),
              (SELECT max(tenure_value) FROM stg_tenure_bands)) AS tenure_band_key
    FROM dated AS d
)
SELECT
    b.trial,
    event_id(b.event_hash) AS event_id,
    b.employee_id,
    b.event_type,
    b.event_category,
    b.effective_date,
    b.compensation_cents,
    b.previous_compensation_cents,
    b.level_id,
    b.previous_level_id,
    b.employee_age,
    b.employee_tenure,
    ab.band_label AS age_band,
    tb.band_label AS tenure_band,
    b.event_probability,
    b.event_sequence
FROM banded AS b
JOIN stg_age_bands AS ab ON ab.age_value = b.age_band_key
JOIN stg_tenure_bands AS tb ON tb.tenure_value = b.tenure_band_key
