-- Runs once, when the container's database is first created (after 01-schema.sql):
-- a synthetic sample census made by our generator and the bundled assumptions.
COPY census (employee_id, employee_ssn, employee_birth_date, employee_hire_date, employee_termination_date,
             employee_gross_compensation, active)
  FROM '/seed/census.csv' WITH (FORMAT csv, HEADER true);
COPY config_job_levels FROM '/seed/config_job_levels.csv' WITH (FORMAT csv, HEADER true);
COPY config_age_bands FROM '/seed/config_age_bands.csv' WITH (FORMAT csv, HEADER true);
COPY config_tenure_bands FROM '/seed/config_tenure_bands.csv' WITH (FORMAT csv, HEADER true);
COPY config_termination_hazard_base FROM '/seed/config_termination_hazard_base.csv' WITH (FORMAT csv, HEADER true);
COPY config_termination_hazard_age_multipliers FROM '/seed/config_termination_hazard_age_multipliers.csv' WITH (FORMAT csv, HEADER true);
COPY config_termination_hazard_tenure_multipliers FROM '/seed/config_termination_hazard_tenure_multipliers.csv' WITH (FORMAT csv, HEADER true);
COPY config_promotion_hazard_base FROM '/seed/config_promotion_hazard_base.csv' WITH (FORMAT csv, HEADER true);
COPY config_promotion_hazard_age_multipliers FROM '/seed/config_promotion_hazard_age_multipliers.csv' WITH (FORMAT csv, HEADER true);
COPY config_promotion_hazard_tenure_multipliers FROM '/seed/config_promotion_hazard_tenure_multipliers.csv' WITH (FORMAT csv, HEADER true);
COPY comp_levers FROM '/seed/comp_levers.csv' WITH (FORMAT csv, HEADER true);
COPY config_new_hire_age_distribution FROM '/seed/config_new_hire_age_distribution.csv' WITH (FORMAT csv, HEADER true);
COPY config_new_hire_level_distribution FROM '/seed/config_new_hire_level_distribution.csv' WITH (FORMAT csv, HEADER true);
