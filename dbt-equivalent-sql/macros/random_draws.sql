-- random_draws: MODEL.md §2, bit for bit. DuckDB's hash(x::UBIGINT) is the 64-bit murmur finalizer
-- mm64, and md5_number_lower(id) is key(id). A draw is three hash steps:
--     draw_base  = mm64(key(id) XOR seed_key)           (once per employee and run)
--     year_mix   = mm64(draw_base XOR year)             (once per employee and year)
--     draw       = mm64(year_mix XOR stream)            (once per stream)
-- The models compute each step as its own column and call these one-step macros on columns only:
-- a macro that nested the previous step inside its argument would repeat it, and the SQL would grow
-- exponentially with the depth.

-- seed_key = mm64(seed XOR (trial << 40) XOR 0x9E3779B97F4A7C15)
CREATE OR REPLACE MACRO seed_key(seed, trial) AS
    hash(xor(xor(CAST(seed AS UBIGINT), CAST(trial AS UBIGINT) << 40), CAST(11400714819323198485 AS UBIGINT)));

-- mm64(key(employee_id) XOR seed_key): the per-employee prefix of every draw and event id.
CREATE OR REPLACE MACRO draw_base(employee_id, seed_key) AS
    hash(xor(md5_number_lower(employee_id), seed_key));

-- One mixing step: mm64(previous XOR value), value a year, a stream number or an event-id salt.
CREATE OR REPLACE MACRO mix_step(previous, value) AS
    hash(xor(previous, CAST(value AS UBIGINT)));

-- u = (draw >>> 11) x 2^-53, a double in [0, 1). Dividing by 2^53 is the same exact scaling.
CREATE OR REPLACE MACRO uniform(draw) AS
    CAST(draw >> 11 AS DOUBLE) / CAST(9007199254740992 AS DOUBLE);

-- EVT_ + 16 lower-case hex digits of mm64(draw_base XOR (year x 16 + type code)) (MODEL.md §4).
CREATE OR REPLACE MACRO event_id(event_hash) AS
    'EVT_' || printf('%016x', event_hash);
