-- fct_yearly_events: the events of year Y of the detail trials (MODEL.md §4, §6: trials
-- 0 … detail_trials − 1), in the Flink job's columns and types; money as DECIMAL(18,2). Built once
-- per simulated year; the runner writes it to fct_yearly_events/simulation_year=<Y>/ (the partition
-- column stays out of the file).
-- materialized: view
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(e.trial AS INTEGER) AS trial,
    CAST(c.simulation_year AS INTEGER) AS simulation_year,
    CAST(e.event_id AS VARCHAR) AS event_id,
    CAST(e.employee_id AS VARCHAR) AS employee_id,
    CAST(e.event_type AS VARCHAR) AS event_type,
    CAST(e.event_category AS VARCHAR) AS event_category,
    CAST(e.effective_date AS DATE) AS effective_date,
    cents_to_money(e.compensation_cents) AS compensation_amount,
    cents_to_money(e.previous_compensation_cents) AS previous_compensation,
    CAST(e.level_id AS INTEGER) AS level_id,
    CAST(e.previous_level_id AS INTEGER) AS previous_level_id,
    CAST(e.employee_age AS INTEGER) AS employee_age,
    CAST(e.employee_tenure AS INTEGER) AS employee_tenure,
    CAST(e.age_band AS VARCHAR) AS age_band,
    CAST(e.tenure_band AS VARCHAR) AS tenure_band,
    CAST(e.event_probability AS DOUBLE) AS event_probability,
    CAST(e.event_sequence AS INTEGER) AS event_sequence
FROM int_yearly_event_details AS e
CROSS JOIN int_year_calendar AS c
CROSS JOIN stg_parameters AS p
