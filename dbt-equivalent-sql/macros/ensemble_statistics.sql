-- ensemble_statistics: the order statistics of MODEL.md §6, on a list of exact integer values sorted
-- ascending, in the operations and order of the Java model's BandStatistics, so both engines get the
-- same bits (every step is an IEEE double operation on exactly converted integers; nothing is a
-- floating-point aggregate whose order could vary).

-- Hyndman–Fan type 7 (Excel's PERCENTILE.INC), before scaling: h = (n − 1) × q, lo = floor(h),
-- x[lo] + (h − lo) × (x[lo+1] − x[lo]) with x[lo+1] = x[lo] at the top (0-based x; DuckDB lists are
-- 1-based). q must be a DOUBLE (a decimal literal is DECIMAL in DuckDB: cast it).
CREATE OR REPLACE MACRO percentile_type7(sorted_values, q) AS
    CAST(sorted_values[CAST(floor(CAST(len(sorted_values) - 1 AS DOUBLE) * q) AS BIGINT) + 1] AS DOUBLE)
    + (CAST(len(sorted_values) - 1 AS DOUBLE) * q - floor(CAST(len(sorted_values) - 1 AS DOUBLE) * q))
      * (CAST(sorted_values[least(CAST(floor(CAST(len(sorted_values) - 1 AS DOUBLE) * q) AS BIGINT) + 2,
                                  len(sorted_values))] AS DOUBLE)
         - CAST(sorted_values[CAST(floor(CAST(len(sorted_values) - 1 AS DOUBLE) * q) AS BIGINT) + 1] AS DOUBLE));

-- The sum of squared deviations ss for the sample sd: (x − m)² added left to right in ascending order
-- of x (a left fold: list_reduce starts from the first square, which is 0 + the first square).
CREATE OR REPLACE MACRO squared_deviations(sorted_values, m) AS
    list_reduce(list_transform(sorted_values, v -> (CAST(v AS DOUBLE) - m) * (CAST(v AS DOUBLE) - m)),
                (acc, square) -> acc + square);
