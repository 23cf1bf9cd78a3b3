-- int_promotions: promotions of year Y, effective Feb 1 (MODEL.md §3 "Promotions"). Eligible: stayers
-- below the top level with tenure >= 1 and age < 65.
--   hp = base_rate x age_mult x tenure_mult x max(0, 1 - level_dampener_factor x (level - 1))
--        x promotion_rate_multiplier;   promoted iff u(3) < min(1, hp)
--   pct = min(base_increase_pct + ((u(4) - 0.5) x 2) x distribution_range, max_cap_pct)
--   new salary = min(round(salary x (1 + pct)), salary + max_cap_amount); level + 1
WITH eligible AS (
    SELECT
        s.trial,
        s.employee_id,
        s.draw_base,
        s.hire_date,
        s.age,
        s.salary_cents,
        s.level_id,
        l.next_level_id,
        uniform(mix_step(s.year_mix, 3)) AS u_promotion,
        s.year_mix,
        least(CAST(1 AS DOUBLE),
              (((pb.base_rate * s.promotion_age_multiplier) * s.promotion_tenure_multiplier)
               * greatest(CAST(0 AS DOUBLE), CAST(1 AS DOUBLE) - pb.level_dampener_factor * CAST(s.level_id - 1 AS DOUBLE)))
              * p.promotion_rate_multiplier) AS promotion_probability,
        p.promotion_base_increase_pct,
        p.promotion_distribution_range,
        p.promotion_max_cap_pct,
        p.promotion_max_cap_cents
    FROM int_stayers AS s
    JOIN stg_job_levels AS l USING (level_id)
    CROSS JOIN seed_promotion_hazard_base AS pb
    CROSS JOIN stg_parameters AS p
    WHERE NOT l.is_top_level AND s.tenure >= 1 AND s.age < 65
),
promoted AS (
    SELECT
        *,
        least(promotion_base_increase_pct
                  + ((uniform(mix_step(year_mix, 4)) - CAST(0.5 AS DOUBLE)) * CAST(2 AS DOUBLE)) * promotion_distribution_range,
              promotion_max_cap_pct) AS increase_pct
    FROM eligible
    WHERE u_promotion < promotion_probability
)
SELECT
    trial,
    employee_id,
    draw_base,
    hire_date,
    age,
    promotion_probability,
    salary_cents AS previous_salary_cents,
    level_id AS previous_level_id,
    least(round_half_away(CAST(salary_cents AS DOUBLE) * (CAST(1 AS DOUBLE) + increase_pct)),
          salary_cents + promotion_max_cap_cents) AS salary_cents,
    next_level_id AS level_id
FROM promoted
