-- stg_job_levels: config_job_levels (MODEL.md §1.2) in level order, with the level a promotion leads to.
-- Salary ranges are [min, max), in the seed's decimals (for new-hire pay) and in integer cents
-- (for placing census salaries).
SELECT
    level_id,
    level_name,
    min_compensation,
    max_compensation,
    min_cents,
    max_cents,
    lead(level_id) OVER (ORDER BY level_id) AS next_level_id,
    level_id = max(level_id) OVER () AS is_top_level
FROM seed_job_levels
