-- int_start_of_year_workforce: the start state S_Y (MODEL.md §3): everyone active on Jan 1 of year Y,
-- with age = (Y-1) - year(birth), tenure = floor(days(hire -> Dec 31 of Y-1) / 365.25), their bands,
-- the termination hazard
--     h = base_rate_for_new_hire x age_mult x tenure_mult
--         x max(min_level_discount_multiplier, 1 - level_discount_factor x (level - 1))
-- and its integer weight w = round(h x 10^9), plus this year's draw prefix year_mix (§2) and the
-- stream-1 termination draw u(1) everyone needs; the models that need streams 2, 3, 4 and 11 take
-- one more hash step from year_mix for just the employees they concern.
-- One row per trial and employee: every model of the year is keyed by trial (joins on trial and
-- employee_id, aggregates and rankings per trial), and each trial draws with its own draw_base.
-- Source: workforce, the table the runner carries from year to year (year 1: stg_trial_baseline).
WITH aged AS (
    SELECT
        w.*,
        (c.simulation_year - 1) - year(w.birth_date) AS age,
        tenure_years(w.hire_date, c.previous_december_31) AS tenure,
        mix_step(w.draw_base, c.simulation_year) AS year_mix
    FROM workforce AS w
    CROSS JOIN int_year_calendar AS c
),
banded AS (
    SELECT
        a.*,
        least(greatest(a.age, (SELECT min(age_value) FROM stg_age_bands)),
              (SELECT max(age_value) FROM stg_age_bands)) AS age_band_key,
        least(greatest(a.tenure, (SELECT min(tenure_value) FROM stg_tenure_bands)),
              (SELECT max(tenure_value) FROM stg_tenure_bands)) AS tenure_band_key
    FROM aged AS a
),
hazard AS (
    SELECT
        a.*,
        ab.band_label AS age_band,
        tb.band_label AS tenure_band,
        ab.promotion_multiplier AS promotion_age_multiplier,
        tb.promotion_multiplier AS promotion_tenure_multiplier,
        ((hb.base_rate_for_new_hire * ab.termination_multiplier) * tb.termination_multiplier)
            * greatest(hb.min_level_discount_multiplier,
                       CAST(1 AS DOUBLE) - hb.level_discount_factor * CAST(a.level_id - 1 AS DOUBLE)) AS termination_hazard
    FROM banded AS a
    JOIN stg_age_bands AS ab ON ab.age_value = a.age_band_key
    JOIN stg_tenure_bands AS tb ON tb.tenure_value = a.tenure_band_key
    CROSS JOIN seed_termination_hazard_base AS hb
)
SELECT
    trial,
    employee_id,
    draw_base,
    birth_date,
    hire_date,
    salary_cents,
    level_id,
    age,
    tenure,
    age_band,
    tenure_band,
    promotion_age_multiplier,
    promotion_tenure_multiplier,
    round_half_away(termination_hazard * CAST(1e9 AS DOUBLE)) AS hazard_weight,
    year_mix,
    uniform(mix_step(year_mix, 1)) AS u_termination
FROM hazard
