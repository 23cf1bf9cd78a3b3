-- dq_checks: the invariant checks of MODEL.md §5, one row per trial and check (and per year where it
-- applies), with the Flink job's check names and details; then, per year, the checks of the ensemble
-- as a whole on its bands (§6), with trial NULL. Each per-trial check compares numbers counted
-- independently: the needs from the trial's year plans (run_workforce_needs), the flows from its
-- event and snapshot rows (run_level_ledger), its start-of-year populations (run_headcount_by_level)
-- and the census accounting. The ensemble checks (the Java model's EnsembleChecks):
--   bands_complete  one band per metric and level (and all levels), each over every trial
--   bands_ordered   min <= p5 <= p10 <= p25 <= p50 <= p75 <= p90 <= p95 <= max on every sufficient band
-- Any failed check, of any trial, stops the run from being published.
-- materialized: view
WITH ledger AS (
    SELECT
        trial,
        simulation_year,
        sum(ending_headcount) AS ending_headcount,
        sum(snapshot_rows) AS snapshot_rows,
        sum(experienced_terminations) AS experienced_terminations,
        sum(new_hire_terminations) AS new_hire_terminations,
        sum(rif_terminations) AS rif_terminations,
        sum(hires) AS hires,
        sum(events_outside_year) AS events_outside_year,
        sum(terminated_before_hire) AS terminated_before_hire
    FROM run_level_ledger
    GROUP BY trial, simulation_year
),
level_flows AS (
    SELECT
        l.trial,
        l.simulation_year,
        bool_and(h.headcount + l.hires + l.promotions_in - l.promotions_out - l.experienced_terminations
                 - l.new_hire_terminations - l.rif_terminations = l.ending_headcount) AS balanced
    FROM run_level_ledger AS l
    JOIN run_headcount_by_level AS h USING (trial, simulation_year, level_id)
    GROUP BY l.trial, l.simulation_year
),
years AS (
    SELECT
        n.*,
        l.ending_headcount,
        l.snapshot_rows,
        l.experienced_terminations AS counted_experienced_terminations,
        l.new_hire_terminations AS counted_new_hire_terminations,
        l.rif_terminations AS counted_rif_terminations,
        l.hires AS counted_hires,
        l.events_outside_year,
        l.terminated_before_hire,
        f.balanced,
        CASE WHEN n.simulation_year = p.start_year THEN a.baseline ELSE previous.ending_headcount END
            AS expected_start
    FROM run_workforce_needs AS n
    JOIN ledger AS l USING (trial, simulation_year)
    JOIN level_flows AS f USING (trial, simulation_year)
    CROSS JOIN stg_parameters AS p
    CROSS JOIN stg_census_accounting AS a
    LEFT JOIN ledger AS previous
           ON previous.trial = n.trial AND previous.simulation_year = n.simulation_year - 1
),
trial_checks AS (
    SELECT t.trial, p.start_year AS simulation_year, 0 AS check_order, 'census_accounting' AS check_name,
           a.rows_read = a.baseline + a.terminated_before_start + a.not_yet_hired + a.rejected AS passed,
           'rows read ' || a.rows_read || ' = baseline ' || a.baseline || ' + terminated_before_start '
               || a.terminated_before_start || ' + not_yet_hired ' || a.not_yet_hired || ' + rejected '
               || a.rejected AS detail
    FROM stg_trials AS t
    CROSS JOIN stg_census_accounting AS a
    CROSS JOIN stg_parameters AS p
    UNION ALL
    SELECT trial, simulation_year, 1, 'ending_equals_target', ending_headcount = target_ending_workforce,
           'ending actives ' || ending_headcount || ', target ' || target_ending_workforce
    FROM years
    UNION ALL
    SELECT trial, simulation_year, 2, 'start_equals_previous_end', starting_workforce = expected_start,
           'start of year ' || starting_workforce || ', expected ' || coalesce(CAST(expected_start AS VARCHAR), '0')
    FROM years
    UNION ALL
    SELECT trial, simulation_year, 3, 'one_snapshot_row_per_employee', snapshot_rows = starting_workforce + hires,
           'snapshot rows ' || snapshot_rows || ' = start ' || starting_workforce || ' + hires ' || hires
    FROM years
    UNION ALL
    SELECT trial, simulation_year, 4, 'events_explain_snapshot', balanced,
           'per level: start + hires + promotions in - promotions out - terminations = ending actives'
    FROM years
    UNION ALL
    SELECT trial, simulation_year, 5, 'event_dates_valid', events_outside_year = 0 AND terminated_before_hire = 0,
           events_outside_year || ' events dated outside the year, ' || terminated_before_hire
               || ' terminations before hire'
    FROM years
    UNION ALL
    SELECT trial, simulation_year, 6, 'terminations_match_needs',
           counted_experienced_terminations = experienced_terminations
               AND counted_new_hire_terminations = new_hire_terminations
               AND counted_rif_terminations = reduction_in_force
               AND counted_hires = hires,
           'terminations and hires by category equal the plan'
    FROM years
),
simulated_years AS (
    SELECT CAST(y.range AS INTEGER) AS simulation_year
    FROM stg_parameters AS p, range(p.start_year, p.end_year + 1) AS y
),
band_years AS (
    SELECT
        y.simulation_year,
        count(b.metric) AS band_rows,
        (SELECT count(*) FROM ensemble_metrics) * ((SELECT count(*) FROM stg_job_levels) + 1) AS expected_rows,
        coalesce(min(b.n_trials), 0) AS min_trials,
        coalesce(max(b.n_trials), 0) AS max_trials,
        count(*) FILTER (WHERE b.is_sufficient
                           AND (b.min > b.p5 OR b.p5 > b.p10 OR b.p10 > b.p25 OR b.p25 > b.p50 OR b.p50 > b.p75
                                OR b.p75 > b.p90 OR b.p90 > b.p95 OR b.p95 > b.max)) AS out_of_order
    FROM simulated_years AS y
    LEFT JOIN int_ensemble_bands AS b USING (simulation_year)
    GROUP BY y.simulation_year
),
ensemble_checks AS (
    SELECT CAST(NULL AS INTEGER) AS trial, b.simulation_year, 0 AS check_order, 'bands_complete' AS check_name,
           b.band_rows = b.expected_rows AND b.min_trials = p.trials AND b.max_trials = p.trials AS passed,
           b.band_rows || ' rows, expected ' || b.expected_rows || '; trials per row ' || b.min_trials || '-'
               || b.max_trials || ', expected ' || p.trials AS detail
    FROM band_years AS b
    CROSS JOIN stg_parameters AS p
    UNION ALL
    SELECT NULL, simulation_year, 1, 'bands_ordered', out_of_order = 0,
           out_of_order || ' of ' || band_rows || ' rows out of order'
    FROM band_years
)
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(c.trial AS INTEGER) AS trial,
    CAST(c.simulation_year AS INTEGER) AS simulation_year,
    CAST(c.check_name AS VARCHAR) AS check_name,
    CAST(c.passed AS BOOLEAN) AS passed,
    CAST(c.detail AS VARCHAR) AS detail
FROM (SELECT * FROM trial_checks UNION ALL SELECT * FROM ensemble_checks) AS c
CROSS JOIN stg_parameters AS p
ORDER BY c.simulation_year, c.trial NULLS LAST, c.check_order
