-- fct_workforce_summary: one row per trial, simulated year and job level (MODEL.md §4, §6: every
-- trial): start-of-year headcount, terminations by category (at the level left from), hires,
-- promotions in (new level) and out (old level), ending headcount and payroll, average pay
-- (total / headcount, half away from zero, 0 for an empty level) and the prorated compensation cost
-- of everyone in the year's snapshot. The ensemble bands are computed from these rows.
-- Sources: run_headcount_by_level and run_level_ledger (the runner's year-by-year appends).
-- materialized: view
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(l.trial AS INTEGER) AS trial,
    CAST(l.simulation_year AS INTEGER) AS simulation_year,
    CAST(l.level_id AS INTEGER) AS level_id,
    CAST(h.headcount AS BIGINT) AS starting_headcount,
    CAST(l.experienced_terminations AS BIGINT) AS experienced_terminations,
    CAST(l.new_hire_terminations AS BIGINT) AS new_hire_terminations,
    CAST(l.rif_terminations AS BIGINT) AS rif_terminations,
    CAST(l.hires AS BIGINT) AS hires,
    CAST(l.promotions_in AS BIGINT) AS promotions_in,
    CAST(l.promotions_out AS BIGINT) AS promotions_out,
    CAST(l.ending_headcount AS BIGINT) AS ending_headcount,
    cents_to_money(l.ending_compensation_cents) AS ending_total_compensation,
    cents_to_money(CASE WHEN l.ending_headcount = 0 THEN 0
                        ELSE divide_rounded(l.ending_compensation_cents, l.ending_headcount) END)
        AS ending_avg_compensation,
    cents_to_money(l.prorated_compensation_cents) AS prorated_compensation_cost
FROM run_level_ledger AS l
JOIN run_headcount_by_level AS h USING (trial, simulation_year, level_id)
CROSS JOIN stg_parameters AS p
