package io.planwise.connector.mart;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The column types a mart may have, each with its Parquet physical and logical type and the name
 * DuckDB reports for it (that name goes into the manifest). Money is DECIMAL(18,2) stored as an
 * INT64 of cents, so no value ever passes through a double.
 */
public enum MartColumnType {
    VARCHAR("VARCHAR"),
    INTEGER("INTEGER"),
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    /** Java value: a LocalDate. */
    DATE("DATE"),
    /** Java value: a Long number of cents. */
    DECIMAL_18_2("DECIMAL(18,2)");

    public final String sqlName;

    MartColumnType(String sqlName) {
        this.sqlName = sqlName;
    }

    Type parquetType(String name, boolean nullable) {
        Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b;
        switch (this) {
            case VARCHAR -> b = primitive(PrimitiveTypeName.BINARY, nullable).as(LogicalTypeAnnotation.stringType());
            case INTEGER -> b = primitive(PrimitiveTypeName.INT32, nullable);
            case BIGINT -> b = primitive(PrimitiveTypeName.INT64, nullable);
            case DOUBLE -> b = primitive(PrimitiveTypeName.DOUBLE, nullable);
            case BOOLEAN -> b = primitive(PrimitiveTypeName.BOOLEAN, nullable);
            case DATE -> b = primitive(PrimitiveTypeName.INT32, nullable).as(LogicalTypeAnnotation.dateType());
            case DECIMAL_18_2 -> b = primitive(PrimitiveTypeName.INT64, nullable)
                    .as(LogicalTypeAnnotation.decimalType(2, 18));
            default -> throw new IllegalStateException(name());
        }
        return b.named(name);
    }

    private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> primitive(PrimitiveTypeName t, boolean nullable) {
        return nullable ? Types.optional(t) : Types.required(t);
    }
}
