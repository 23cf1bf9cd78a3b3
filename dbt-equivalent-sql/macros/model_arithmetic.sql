-- model_arithmetic: the few calculations every layer shares, written once so both engines round the
-- same way (MODEL.md §2 "Money is integer cents ... round means half away from zero", §3 tenure).
-- Each macro uses its arguments on plain columns only; never nest one inside another's argument.

-- round(x) half away from zero, for a DOUBLE x, as BIGINT. Exactly Java's Cents.round: the fraction
-- x - trunc(x) is exact for |x| < 2^52, so no second rounding can sneak in.
CREATE OR REPLACE MACRO round_half_away(x) AS
    CAST(trunc(x) AS BIGINT)
    + CASE WHEN x - trunc(x) >= 0.5 THEN 1 WHEN x - trunc(x) <= -0.5 THEN -1 ELSE 0 END;

-- numerator / denominator rounded half away from zero, integers only (denominator > 0). DuckDB's //
-- and % truncate toward zero on signed integers, as Java's / and % do.
CREATE OR REPLACE MACRO divide_rounded(numerator, denominator) AS
    numerator // denominator
    + CASE WHEN abs(numerator % denominator) * 2 >= denominator
           THEN CASE WHEN numerator < 0 THEN -1 ELSE 1 END
           ELSE 0 END;

-- MODEL.md §3 tenure: floor(days(hire -> as_of) / 365.25), in doubles like the Java model.
CREATE OR REPLACE MACRO tenure_years(hire_date, as_of_date) AS
    CAST(floor(CAST(date_diff('day', hire_date, as_of_date) AS DOUBLE) / CAST(365.25 AS DOUBLE)) AS INTEGER);

-- Full years from an earlier date to a later one (Java's ChronoUnit.YEARS.between): an anniversary
-- not yet reached that year does not count (a Feb 29 birthday is reached on Mar 1 in other years).
CREATE OR REPLACE MACRO full_years_between(from_date, to_date) AS
    year(to_date) - year(from_date)
    - CASE WHEN month(to_date) * 100 + day(to_date) < month(from_date) * 100 + day(from_date) THEN 1 ELSE 0 END;

-- Integer cents as the marts' DECIMAL(18,2); exact (DECIMAL times DECIMAL never passes through a double).
CREATE OR REPLACE MACRO cents_to_money(cents) AS
    CAST(CAST(cents AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2));

-- Days in a calendar year.
CREATE OR REPLACE MACRO days_in_year(y) AS
    date_diff('day', make_date(CAST(y AS INTEGER), 1, 1), make_date(CAST(y AS INTEGER) + 1, 1, 1));
