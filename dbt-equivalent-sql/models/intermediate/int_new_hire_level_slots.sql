-- int_new_hire_level_slots: the job level of each new-hire slot i = 1 ... H of year Y, per trial
-- (MODEL.md §3 "New hires"): slot i goes to the first level L with (2i - 1) x Dw <= 2 x H x C_L, where
-- C_L are the cumulative integer weights in level order and Dw their total. The weights are the fixed
-- distribution when the scenario has one, else the trial's start-of-year headcount by level. Integers
-- only.
WITH weights AS (
    SELECT
        h.trial,
        l.level_id,
        CAST(coalesce(f.fixed_weight, h.headcount) AS HUGEINT) AS weight
    FROM stg_job_levels AS l
    JOIN stg_new_hire_level_weights AS f USING (level_id)
    JOIN int_headcount_by_level AS h USING (level_id)
),
cumulative AS (
    SELECT
        trial,
        level_id,
        sum(weight) OVER (PARTITION BY trial ORDER BY level_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            AS cumulative_weight,
        sum(weight) OVER (PARTITION BY trial) AS total_weight
    FROM weights
),
slots AS (
    SELECT n.trial, CAST(range AS BIGINT) AS slot, n.hires
    FROM int_workforce_needs AS n, range(1, n.hires + 1)
)
SELECT
    s.trial,
    s.slot,
    CASE WHEN min(c.total_weight) = 0
         THEN error('cannot place new hires: every level has zero weight in the hire level distribution')
         ELSE coalesce(min(c.level_id) FILTER (WHERE (2 * s.slot - 1) * c.total_weight <= 2 * s.hires * c.cumulative_weight),
                       max(c.level_id))
    END AS level_id
FROM slots AS s
JOIN cumulative AS c ON c.trial = s.trial
GROUP BY s.trial, s.slot
