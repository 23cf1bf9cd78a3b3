-- stg_trials: the trials of the ensemble (MODEL.md §6), one row per trial 0 … trials − 1, with the
-- trial's seed_key = mm64(seed XOR (trial << 40) XOR 0x9E3779B97F4A7C15) (§2) and whether it is a
-- detail trial (trial < detail_trials), whose events and snapshot rows are written. Nothing else
-- differs between trials, so a trial's rows never depend on how many trials run beside it.
SELECT
    CAST(t.range AS INTEGER) AS trial,
    seed_key(p.random_seed, t.range) AS seed_key,
    t.range < p.detail_trials AS is_detail_trial
FROM stg_parameters AS p, range(p.trials) AS t
