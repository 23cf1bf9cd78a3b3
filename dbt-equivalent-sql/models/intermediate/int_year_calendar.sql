-- int_year_calendar: the calendar of the simulated year Y (MODEL.md §3, D = days in year Y), one row.
-- Source: loop_year, the year the runner is projecting.
SELECT
    y.simulation_year,
    make_date(y.simulation_year, 1, 1) AS january_1,
    make_date(y.simulation_year, 12, 31) AS december_31,
    make_date(y.simulation_year - 1, 12, 31) AS previous_december_31,
    make_date(y.simulation_year, 2, 1) AS promotion_date,
    make_date(y.simulation_year, 7, 15) AS raise_date,
    days_in_year(y.simulation_year) AS days_in_year
FROM loop_year AS y
