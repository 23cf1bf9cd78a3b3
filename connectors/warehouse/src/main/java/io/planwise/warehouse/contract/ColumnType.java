package io.planwise.warehouse.contract;

/**
 * The column types a mart may have, with the name DuckDB gives each (that name is what manifests
 * record and what a {@code DESCRIBE} of a written file reports). Money is DECIMAL(18,2): integer
 * cents end to end, never a double.
 */
public enum ColumnType {
    VARCHAR("VARCHAR"),
    INTEGER("INTEGER"),
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    /** Java value: a LocalDate. */
    DATE("DATE"),
    /** Java value: a Long number of cents. */
    DECIMAL_18_2("DECIMAL(18,2)");

    private final String sqlName;

    ColumnType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type as DuckDB spells it, e.g. {@code DECIMAL(18,2)}. */
    public String sqlName() {
        return sqlName;
    }
}
