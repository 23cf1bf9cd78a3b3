-- assert_events_explain_snapshot (MODEL.md §5.3, §6): per trial, year and level,
-- start + hires + promotions in - promotions out - terminations = ending actives. In every trial on
-- fct_workforce_summary's own flows; in the detail trials also with every figure counted independently
-- (start: year 1 the census baseline levels, later the previous year's active snapshot rows; flows
-- from the events; ending from the snapshot), and fct_workforce_summary agreeing with those counts.
-- Returns the levels where it fails.
WITH detail_trials AS (
    SELECT CAST(range AS INTEGER) AS trial
    FROM stg_parameters AS p, range(p.detail_trials)
),
start_headcount AS (
    SELECT t.trial, p.start_year AS simulation_year, b.level_id, count(*) AS n
    FROM stg_census_baseline AS b CROSS JOIN stg_parameters AS p CROSS JOIN detail_trials AS t
    GROUP BY ALL
    UNION ALL
    SELECT s.trial, s.simulation_year + 1, s.level_id, count(*)
    FROM fct_workforce_snapshot AS s CROSS JOIN stg_parameters AS p
    WHERE s.employment_status = 'active' AND s.simulation_year < p.end_year
    GROUP BY ALL
),
events AS (
    SELECT trial, simulation_year, level_id,
           count(*) FILTER (WHERE event_type = 'hire') AS hires,
           count(*) FILTER (WHERE event_type = 'promotion') AS promotions_in,
           count(*) FILTER (WHERE event_type = 'termination') AS terminations
    FROM fct_yearly_events
    GROUP BY ALL
),
promotions_out AS (
    SELECT trial, simulation_year, previous_level_id AS level_id, count(*) AS promotions_out
    FROM fct_yearly_events
    WHERE event_type = 'promotion'
    GROUP BY ALL
),
ending AS (
    SELECT trial, simulation_year, level_id, count(*) AS n
    FROM fct_workforce_snapshot
    WHERE employment_status = 'active'
    GROUP BY ALL
),
flows AS (
    SELECT
        m.trial,
        m.simulation_year,
        m.level_id,
        coalesce(s.n, 0) AS start,
        coalesce(e.hires, 0) AS hires,
        coalesce(e.promotions_in, 0) AS promotions_in,
        coalesce(o.promotions_out, 0) AS promotions_out,
        coalesce(e.terminations, 0) AS terminations,
        coalesce(x.n, 0) AS ending,
        m.starting_headcount,
        m.hires AS summary_hires,
        m.promotions_in AS summary_promotions_in,
        m.promotions_out AS summary_promotions_out,
        m.experienced_terminations + m.new_hire_terminations + m.rif_terminations AS summary_terminations,
        m.ending_headcount
    FROM fct_workforce_summary AS m
    JOIN detail_trials AS d ON d.trial = m.trial
    LEFT JOIN start_headcount AS s
           ON s.trial = m.trial AND s.simulation_year = m.simulation_year AND s.level_id = m.level_id
    LEFT JOIN events AS e ON e.trial = m.trial AND e.simulation_year = m.simulation_year AND e.level_id = m.level_id
    LEFT JOIN promotions_out AS o
           ON o.trial = m.trial AND o.simulation_year = m.simulation_year AND o.level_id = m.level_id
    LEFT JOIN ending AS x ON x.trial = m.trial AND x.simulation_year = m.simulation_year AND x.level_id = m.level_id
)
SELECT 'counted flows do not balance or disagree with the summary' AS problem, *
FROM flows
WHERE start + hires + promotions_in - promotions_out - terminations <> ending
   OR starting_headcount <> start OR summary_hires <> hires OR summary_promotions_in <> promotions_in
   OR summary_promotions_out <> promotions_out OR summary_terminations <> terminations OR ending_headcount <> ending
-- a level with people but no summary row
UNION ALL
SELECT 'a level with people but no summary row', x.trial, x.simulation_year, x.level_id, NULL, NULL, NULL, NULL,
       NULL, x.n, NULL, NULL, NULL, NULL, NULL, NULL
FROM ending AS x
ANTI JOIN fct_workforce_summary AS m
       ON m.trial = x.trial AND m.simulation_year = x.simulation_year AND m.level_id = x.level_id
-- every trial: the summary's own flows
UNION ALL
SELECT 'summary flows do not balance', trial, simulation_year, level_id, NULL, NULL, NULL, NULL, NULL, NULL,
       starting_headcount, hires, promotions_in, promotions_out,
       experienced_terminations + new_hire_terminations + rif_terminations, ending_headcount
FROM fct_workforce_summary
WHERE starting_headcount + hires + promotions_in - promotions_out - experienced_terminations
      - new_hire_terminations - rif_terminations <> ending_headcount
