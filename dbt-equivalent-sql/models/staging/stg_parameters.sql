-- stg_parameters: the scenario of this run (MODEL.md §1.3) and its draw seed (§2), one row.
--
-- Source: params, written by the runner from the validated ScenarioConfig. Rates the year loop
-- sizes the workforce with (g, nh) and the reject limit are exact decimals, given as
-- units / denominator with denominator = 10^scale (0.03 = 3 / 100), so every sizing step stays in
-- integers. Rates that only feed doubles (t, promotion settings, cola, merit budget) are the DOUBLE
-- nearest to the decimal, as the Java model reads them.
SELECT
    p.*,
    seed_key(p.random_seed, p.trial) AS seed_key
FROM params AS p
