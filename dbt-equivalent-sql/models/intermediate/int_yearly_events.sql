-- int_yearly_events: every event of year Y (MODEL.md §3 "Event order", §4 fct_yearly_events), money
-- in integer cents.
--   termination (experienced_termination | reduction_in_force) of a start-of-year employee
--   promotion (Feb 1) and merit_cola raise (Jul 15) of every stayer
--   hire, and new_hire_termination, of this year's hires
-- compensation_cents is the salary after the event (a termination: the salary at termination);
-- previous_* are set for promotions and raises. employee_age is the start-of-year age (this year's
-- hires: Y - year(birth)); employee_tenure = floor(days(hire -> effective date) / 365.25).
-- event_sequence is the event's place in the employee's year: by date, then
-- hire < promotion < raise < termination. A leaver's only event is the termination; a promotion
-- (Feb 1) comes before the raise (Jul 15); a hire's termination follows the hire.
WITH events AS (
    SELECT employee_id, draw_base, hire_date, age AS employee_age,
           'termination' AS event_type, 'experienced_termination' AS event_category,
           termination_date AS effective_date, salary_cents AS compensation_cents,
           CAST(NULL AS BIGINT) AS previous_compensation_cents, level_id, CAST(NULL AS INTEGER) AS previous_level_id,
           termination_probability AS event_probability, 1 AS event_sequence
    FROM int_experienced_terminations

    UNION ALL
    SELECT employee_id, draw_base, hire_date, age, 'termination', 'reduction_in_force', termination_date,
           salary_cents, NULL, level_id, NULL, NULL, 1
    FROM int_reduction_in_force

    UNION ALL
    SELECT p.employee_id, p.draw_base, p.hire_date, p.age, 'promotion', 'promotion', c.promotion_date,
           p.salary_cents, p.previous_salary_cents, p.level_id, p.previous_level_id, p.promotion_probability, 1
    FROM int_promotions AS p
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT r.employee_id, r.draw_base, r.hire_date, r.age, 'raise', 'merit_cola', c.raise_date,
           r.salary_cents, r.previous_salary_cents, r.level_id, r.level_id, NULL,
           CASE WHEN r.is_promoted THEN 2 ELSE 1 END
    FROM int_raises AS r
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT h.employee_id, h.draw_base, h.hire_date, c.simulation_year - year(h.birth_date),
           'hire', 'hire', h.hire_date, h.salary_cents, NULL, h.level_id, NULL, NULL, 1
    FROM int_new_hires AS h
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT h.employee_id, h.draw_base, h.hire_date, c.simulation_year - year(h.birth_date),
           'termination', 'new_hire_termination', t.termination_date, h.salary_cents, NULL, h.level_id, NULL, NULL, 2
    FROM int_new_hire_terminations AS t
    JOIN int_new_hires AS h USING (employee_id)
    CROSS JOIN int_year_calendar AS c
),
dated AS (
    SELECT
        e.*,
        -- MODEL.md §4 event-id type codes: hire 1, promotion 2, raise 3, termination 4
        mix_step(e.draw_base, c.simulation_year * 16
                 + CASE e.event_type WHEN 'hire' THEN 1 WHEN 'promotion' THEN 2 WHEN 'raise' THEN 3 ELSE 4 END)
            AS event_hash,
        tenure_years(e.hire_date, e.effective_date) AS employee_tenure
    FROM events AS e
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
