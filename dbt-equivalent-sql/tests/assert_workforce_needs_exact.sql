-- assert_workforce_needs_exact (MODEL.md §3 "Workforce needs", §5.1, §6): in every trial, recomputed in
-- integers from the counted start and flows of fct_workforce_summary (start: year 1 the census
-- baseline, later the trial's previous ending headcount): target = round(N x (1 + g)),
-- net = target - (N - T); net > 0: hires = ceil(net / (1 - nh)), new-hire terminations = hires - net,
-- no RIF; net <= 0: RIF = -net. The summary and fct_workforce_needs must both say exactly that, and
-- in the detail trials the events by category too. Returns the trials and years where they do not.
WITH summary AS (
    SELECT trial, simulation_year,
           sum(ending_headcount) AS ending,
           sum(experienced_terminations) AS experienced,
           sum(hires) AS hires,
           sum(new_hire_terminations) AS new_hire_terminations,
           sum(rif_terminations) AS rif
    FROM fct_workforce_summary
    GROUP BY ALL
),
counted_events AS (
    SELECT trial, simulation_year,
           count(*) FILTER (WHERE event_category = 'experienced_termination') AS experienced,
           count(*) FILTER (WHERE event_type = 'hire') AS hires,
           count(*) FILTER (WHERE event_category = 'new_hire_termination') AS new_hire_terminations,
           count(*) FILTER (WHERE event_category = 'reduction_in_force') AS rif
    FROM fct_yearly_events
    GROUP BY ALL
),
years AS (
    SELECT
        n.trial,
        n.simulation_year,
        CAST(CASE WHEN n.simulation_year = p.start_year THEN (SELECT count(*) FROM stg_census_baseline)
                  ELSE coalesce(prev.ending, 0) END AS HUGEINT) AS start,
        coalesce(c.experienced, 0) AS experienced,
        coalesce(c.hires, 0) AS hires,
        coalesce(c.new_hire_terminations, 0) AS new_hire_terminations,
        coalesce(c.rif, 0) AS rif,
        n.trial < p.detail_trials AS is_detail_trial,
        coalesce(e.experienced, 0) AS event_experienced,
        coalesce(e.hires, 0) AS event_hires,
        coalesce(e.new_hire_terminations, 0) AS event_new_hire_terminations,
        coalesce(e.rif, 0) AS event_rif,
        n.experienced_terminations AS mart_experienced,
        n.hires AS mart_hires,
        n.new_hire_terminations AS mart_new_hire_terminations,
        n.rif_terminations AS mart_rif,
        p.target_growth_rate_units AS g_units,
        p.target_growth_rate_denominator AS g_denominator,
        p.new_hire_termination_rate_units AS nh_units,
        p.new_hire_termination_rate_denominator AS nh_denominator
    FROM fct_workforce_needs AS n
    CROSS JOIN stg_parameters AS p
    LEFT JOIN summary AS prev ON prev.trial = n.trial AND prev.simulation_year = n.simulation_year - 1
    LEFT JOIN summary AS c ON c.trial = n.trial AND c.simulation_year = n.simulation_year
    LEFT JOIN counted_events AS e ON e.trial = n.trial AND e.simulation_year = n.simulation_year
),
netted AS (
    SELECT *,
           (2 * start * (g_denominator + g_units) + g_denominator) // (2 * g_denominator) - (start - experienced)
               AS net
    FROM years
),
expected AS (
    SELECT *,
           CASE WHEN net > 0 THEN (net * nh_denominator + (nh_denominator - nh_units) - 1) // (nh_denominator - nh_units)
                ELSE 0 END AS expected_hires
    FROM netted
)
SELECT trial, simulation_year, start, experienced, net, expected_hires, hires, new_hire_terminations, rif,
       mart_experienced, mart_hires, mart_new_hire_terminations, mart_rif,
       event_experienced, event_hires, event_new_hire_terminations, event_rif
FROM expected
WHERE hires <> expected_hires
   OR new_hire_terminations <> CASE WHEN net > 0 THEN expected_hires - net ELSE 0 END
   OR rif <> CASE WHEN net > 0 THEN 0 ELSE -net END
   OR mart_experienced <> experienced OR mart_hires <> hires
   OR mart_new_hire_terminations <> new_hire_terminations OR mart_rif <> rif
   OR (is_detail_trial AND (event_experienced <> experienced OR event_hires <> hires
                            OR event_new_hire_terminations <> new_hire_terminations OR event_rif <> rif))
