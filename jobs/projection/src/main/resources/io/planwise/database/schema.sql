-- PlanWise schema for PostgreSQL: the census (MODEL.md 1.1 columns) and the assumption tables
-- (the seed CSVs' names and columns). census_row numbers the rows in load order; readers split
-- on it to read in parallel and report it as the row number of rejects.
CREATE TABLE IF NOT EXISTS census (
  census_row                  bigserial PRIMARY KEY,
  employee_id                 text,
  employee_ssn                text,
  employee_birth_date         date,
  employee_hire_date          date,
  employee_termination_date   date,
  employee_gross_compensation numeric(18,2),
  active                      boolean
);

CREATE TABLE IF NOT EXISTS config_job_levels (
  level_id integer, name text, min_compensation numeric, max_compensation numeric);
CREATE TABLE IF NOT EXISTS config_age_bands (
  band_id integer, band_label text, min_value integer, max_value integer);
CREATE TABLE IF NOT EXISTS config_tenure_bands (
  band_id integer, band_label text, min_value integer, max_value integer);
CREATE TABLE IF NOT EXISTS config_termination_hazard_base (
  base_rate_for_new_hire numeric, level_discount_factor numeric, min_level_discount_multiplier numeric);
CREATE TABLE IF NOT EXISTS config_termination_hazard_age_multipliers (age_band text, multiplier numeric);
CREATE TABLE IF NOT EXISTS config_termination_hazard_tenure_multipliers (tenure_band text, multiplier numeric);
CREATE TABLE IF NOT EXISTS config_promotion_hazard_base (base_rate numeric, level_dampener_factor numeric);
CREATE TABLE IF NOT EXISTS config_promotion_hazard_age_multipliers (age_band text, multiplier numeric);
CREATE TABLE IF NOT EXISTS config_promotion_hazard_tenure_multipliers (tenure_band text, multiplier numeric);
CREATE TABLE IF NOT EXISTS comp_levers (
  scenario_id text, fiscal_year integer, job_level integer, event_type text, parameter_name text,
  parameter_value numeric);
CREATE TABLE IF NOT EXISTS config_new_hire_age_distribution (scenario_id text, hire_age integer, age_weight numeric);
CREATE TABLE IF NOT EXISTS config_new_hire_level_distribution (
  scenario_id text, level_id integer, distribution_pct numeric, use_fixed_distribution boolean);

-- HR events outbox: what happened to employees, appended by HR systems (and `planwise append-events`)
-- and read by the streaming actuals job. event_type, employee_id and the values are deliberately not
-- constrained: the job quarantines a malformed event with its reason instead of the writer failing.
-- txid is the writing transaction's id. event_id values become visible in commit order, not in id
-- order, so the reader never reads by event_id alone: it reads only rows of transactions older than
-- every transaction still in flight (pg_snapshot_xmin), in (txid, event_id) order, served by the index.
CREATE TABLE IF NOT EXISTS hr_events (
  event_id       bigserial PRIMARY KEY,
  employee_id    text,
  event_type     text,
  effective_date date,
  compensation   numeric(18,2),
  level_id       integer,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  txid           xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX IF NOT EXISTS hr_events_txid_event_id ON hr_events (txid, event_id);
