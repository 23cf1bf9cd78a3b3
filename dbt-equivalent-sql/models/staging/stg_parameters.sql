-- stg_parameters: the scenario of this run (MODEL.md §1.3), one row. The trials and their seed keys
-- (§2, §6) are stg_trials.
--
-- Source: params, written by the runner from the validated ScenarioConfig. Rates the year loop
-- sizes the workforce with (g, nh) and the reject limit are exact decimals, given as
-- units / denominator with denominator = 10^scale (0.03 = 3 / 100), so every sizing step stays in
-- integers. Rates that only feed doubles (t, promotion settings, cola, merit budget) are the DOUBLE
-- nearest to the decimal, as the Java model reads them. trials, detail_trials and
-- min_trials_for_bands are the ensemble's size, how many trials write events and snapshots, and
-- how many trials the bands need for percentiles.
SELECT p.*
FROM params AS p
