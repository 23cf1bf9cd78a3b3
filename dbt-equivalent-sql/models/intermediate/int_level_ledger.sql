-- int_level_ledger: year Y's flows per trial and job level, counted from the year's own event and
-- snapshot rows (MODEL.md §4 fct_workforce_summary, §5 invariants 1, 3 and 4), for every trial
-- whether or not its rows are written. Terminations count at the level the employee left from; a
-- promotion counts into its new level and out of its old one. Every level of config_job_levels has a
-- row in every trial.
WITH event_counts AS (
    SELECT
        trial,
        level_id,
        count(*) FILTER (WHERE event_category = 'experienced_termination') AS experienced_terminations,
        count(*) FILTER (WHERE event_category = 'new_hire_termination') AS new_hire_terminations,
        count(*) FILTER (WHERE event_category = 'reduction_in_force') AS rif_terminations,
        count(*) FILTER (WHERE event_category = 'hire') AS hires,
        count(*) FILTER (WHERE event_category = 'promotion') AS promotions_in,
        count(*) FILTER (WHERE year(effective_date) <> (SELECT simulation_year FROM int_year_calendar))
            AS events_outside_year
    FROM int_yearly_events
    GROUP BY trial, level_id
),
promotions_out AS (
    SELECT trial, previous_level_id AS level_id, count(*) AS promotions_out
    FROM int_yearly_events
    WHERE event_category = 'promotion'
    GROUP BY trial, previous_level_id
),
snapshot_counts AS (
    SELECT
        trial,
        level_id,
        count(*) AS snapshot_rows,
        count(*) FILTER (WHERE employment_status = 'active') AS ending_headcount,
        CAST(coalesce(sum(current_compensation_cents) FILTER (WHERE employment_status = 'active'), 0) AS BIGINT)
            AS ending_compensation_cents,
        CAST(sum(prorated_annual_compensation_cents) AS BIGINT) AS prorated_compensation_cents,
        count(*) FILTER (WHERE employment_status <> 'active' AND termination_date < employee_hire_date)
            AS terminated_before_hire
    FROM int_workforce_snapshot
    GROUP BY trial, level_id
)
SELECT
    t.trial,
    c.simulation_year,
    l.level_id,
    coalesce(e.experienced_terminations, 0) AS experienced_terminations,
    coalesce(e.new_hire_terminations, 0) AS new_hire_terminations,
    coalesce(e.rif_terminations, 0) AS rif_terminations,
    coalesce(e.hires, 0) AS hires,
    coalesce(e.promotions_in, 0) AS promotions_in,
    coalesce(o.promotions_out, 0) AS promotions_out,
    coalesce(s.ending_headcount, 0) AS ending_headcount,
    coalesce(s.ending_compensation_cents, 0) AS ending_compensation_cents,
    coalesce(s.prorated_compensation_cents, 0) AS prorated_compensation_cents,
    coalesce(s.snapshot_rows, 0) AS snapshot_rows,
    coalesce(e.events_outside_year, 0) AS events_outside_year,
    coalesce(s.terminated_before_hire, 0) AS terminated_before_hire
FROM stg_trials AS t
CROSS JOIN stg_job_levels AS l
CROSS JOIN int_year_calendar AS c
LEFT JOIN event_counts AS e ON e.trial = t.trial AND e.level_id = l.level_id
LEFT JOIN promotions_out AS o ON o.trial = t.trial AND o.level_id = l.level_id
LEFT JOIN snapshot_counts AS s ON s.trial = t.trial AND s.level_id = l.level_id
