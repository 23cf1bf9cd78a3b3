-- fct_workforce_snapshot: the year-end snapshot of year Y of the detail trials (MODEL.md §4, §6:
-- trials 0 … detail_trials − 1), one row per trial and employee of the start-of-year workforce and per
-- hire, in the Flink job's columns and types; money as DECIMAL(18,2).
-- Built once per simulated year; written to fct_workforce_snapshot/simulation_year=<Y>/.
-- materialized: view
SELECT
    CAST(p.scenario_id AS VARCHAR) AS scenario_id,
    CAST(s.trial AS INTEGER) AS trial,
    CAST(c.simulation_year AS INTEGER) AS simulation_year,
    CAST(s.employee_id AS VARCHAR) AS employee_id,
    CAST(s.employee_birth_date AS DATE) AS employee_birth_date,
    CAST(s.employee_hire_date AS DATE) AS employee_hire_date,
    CAST(s.employment_status AS VARCHAR) AS employment_status,
    CAST(s.detailed_status_code AS VARCHAR) AS detailed_status_code,
    CAST(s.termination_date AS DATE) AS termination_date,
    CAST(s.termination_reason AS VARCHAR) AS termination_reason,
    cents_to_money(s.current_compensation_cents) AS current_compensation,
    cents_to_money(s.prorated_annual_compensation_cents) AS prorated_annual_compensation,
    CAST(s.level_id AS INTEGER) AS level_id,
    CAST(s.current_age AS INTEGER) AS current_age,
    CAST(s.current_tenure AS INTEGER) AS current_tenure,
    CAST(s.age_band AS VARCHAR) AS age_band,
    CAST(s.tenure_band AS VARCHAR) AS tenure_band
FROM int_workforce_snapshot_details AS s
CROSS JOIN int_year_calendar AS c
CROSS JOIN stg_parameters AS p
