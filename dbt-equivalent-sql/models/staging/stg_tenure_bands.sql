-- stg_tenure_bands: the tenure band of every tenure (whole years), with its termination and promotion
-- hazard multipliers (config_tenure_bands and the two tenure multiplier tables, MODEL.md §1.2; bands are [min, max)).
-- One row per tenure from the first band's min to the last band's min; the models clamp a tenure into
-- that range before looking it up, so a tenure below the first band counts as the first band and a
-- tenure at or above the last band's min as the last band.
WITH bands AS (
    SELECT
        b.band_label,
        b.min_value,
        CASE WHEN b.band_order = 0 THEN -2147483648
             ELSE lag(b.max_value) OVER (ORDER BY b.band_order) END AS lower_bound,
        CASE WHEN b.band_order = max(b.band_order) OVER () THEN 2147483647
             ELSE b.max_value END AS upper_bound,
        t.multiplier AS termination_multiplier,
        pr.multiplier AS promotion_multiplier
    FROM seed_tenure_bands AS b
    JOIN seed_termination_hazard_tenure_multipliers AS t ON t.tenure_band = b.band_label
    JOIN seed_promotion_hazard_tenure_multipliers AS pr ON pr.tenure_band = b.band_label
)
SELECT CAST(v.range AS INTEGER) AS tenure_value, b.band_label, b.termination_multiplier, b.promotion_multiplier
FROM range((SELECT min(min_value) FROM bands), (SELECT max(min_value) FROM bands) + 1) AS v
JOIN bands AS b ON v.range >= b.lower_bound AND v.range < b.upper_bound
