-- int_workforce_snapshot: the year-end snapshot of year Y (MODEL.md §3 "Year-end snapshot", §4), one
-- row per employee of S_Y and per hire of Y, money in integer cents:
--   status / detailed status, termination date and reason, salary at year end (or at termination),
--   level, age = Y - year(birth), tenure at Dec 31 (or at the termination date), bands, and
--   prorated compensation = round(sum of salary_cents x days in effect / D), half away from zero, in
--   integers: each event's new salary applies from its effective date; a leaver is paid through the
--   termination date, a hire from the hire date.
-- A laid-off employee's detailed status is experienced_termination, the reason reduction_in_force.
WITH everyone AS (
    SELECT
        r.employee_id, r.draw_base, r.birth_date, r.hire_date,
        'active' AS employment_status, 'continuous_active' AS detailed_status_code,
        CAST(NULL AS DATE) AS termination_date, CAST(NULL AS VARCHAR) AS termination_reason,
        r.salary_cents AS current_compensation_cents,
        CASE WHEN r.is_promoted
             THEN r.start_salary_cents * date_diff('day', c.january_1, c.promotion_date)
                  + r.promoted_salary_cents * date_diff('day', c.promotion_date, c.raise_date)
             ELSE r.start_salary_cents * date_diff('day', c.january_1, c.raise_date)
        END + r.salary_cents * (date_diff('day', c.raise_date, c.december_31) + 1) AS salary_days,
        r.level_id
    FROM int_raises AS r
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT t.employee_id, t.draw_base, t.birth_date, t.hire_date,
           'terminated', 'experienced_termination', t.termination_date, 'experienced_termination',
           t.salary_cents, t.salary_cents * (date_diff('day', c.january_1, t.termination_date) + 1), t.level_id
    FROM int_experienced_terminations AS t
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT t.employee_id, t.draw_base, t.birth_date, t.hire_date,
           'terminated', 'experienced_termination', t.termination_date, 'reduction_in_force',
           t.salary_cents, t.salary_cents * (date_diff('day', c.january_1, t.termination_date) + 1), t.level_id
    FROM int_reduction_in_force AS t
    CROSS JOIN int_year_calendar AS c

    UNION ALL
    SELECT h.employee_id, h.draw_base, h.birth_date, h.hire_date,
           CASE WHEN t.employee_id IS NULL THEN 'active' ELSE 'terminated' END,
           CASE WHEN t.employee_id IS NULL THEN 'new_hire_active' ELSE 'new_hire_termination' END,
           t.termination_date,
           CASE WHEN t.employee_id IS NOT NULL THEN 'new_hire_termination' END,
           h.salary_cents,
           h.salary_cents * (date_diff('day', h.hire_date, coalesce(t.termination_date, c.december_31)) + 1),
           h.level_id
    FROM int_new_hires AS h
    LEFT JOIN int_new_hire_terminations AS t USING (employee_id)
    CROSS JOIN int_year_calendar AS c
),
measured AS (
    SELECT
        e.*,
        c.simulation_year - year(e.birth_date) AS current_age,
        tenure_years(e.hire_date, coalesce(e.termination_date, c.december_31)) AS current_tenure,
        divide_rounded(e.salary_days, c.days_in_year) AS prorated_annual_compensation_cents
    FROM everyone AS e
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
    b.employee_id,
    b.draw_base,
    b.birth_date AS employee_birth_date,
    b.hire_date AS employee_hire_date,
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
