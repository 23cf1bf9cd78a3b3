package io.planwise.model.config;

/**
 * How a scenario key is written into the SQL engine's one-row {@code params} table. The SQL
 * engine maps each form to its column type; the model only says which representation the SQL
 * models need, so both engines compute with the same numbers.
 */
public enum ParamsForm {
    /** The text as is (VARCHAR). */
    TEXT,
    /** A 32-bit integer (INTEGER). */
    INTEGER,
    /** A non-negative 64-bit integer (UBIGINT), e.g. the seed the draw macros hash. */
    UNSIGNED,
    /** An ISO date (DATE). */
    DATE,
    /** The double nearest to the exact decimal, the value Java gets from {@code BigDecimal.doubleValue()} (DOUBLE; NULL when unset). */
    DOUBLE,
    /**
     * The exact decimal as two integers, {@code <column>_units} / {@code <column>_denominator} with
     * denominator = 10^scale (HUGEINT), for rates the SQL sizes the workforce with in integers.
     */
    EXACT,
    /** A dollar amount as whole cents (BIGINT). */
    CENTS
}
