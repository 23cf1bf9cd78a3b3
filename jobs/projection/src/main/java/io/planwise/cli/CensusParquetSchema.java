package io.planwise.cli;

import static io.planwise.connector.mart.MartColumn.nullable;
import static io.planwise.connector.mart.MartColumn.required;
import static io.planwise.connector.mart.MartColumnType.BOOLEAN;
import static io.planwise.connector.mart.MartColumnType.DATE;
import static io.planwise.connector.mart.MartColumnType.DECIMAL_18_2;
import static io.planwise.connector.mart.MartColumnType.VARCHAR;

import io.planwise.connector.mart.MartSchema;
import io.planwise.model.census.SyntheticCensus;
import java.util.List;

/** The Parquet layout of a generated census: PlanWise's column names, real DATE and DECIMAL types. */
final class CensusParquetSchema {
    private CensusParquetSchema() {}

    static MartSchema<SyntheticCensus.Row> schema() {
        return new MartSchema<>("census", List.of(
                required("employee_id", VARCHAR, SyntheticCensus.Row::employeeId),
                required("employee_ssn", VARCHAR, SyntheticCensus.Row::ssn),
                required("employee_birth_date", DATE, SyntheticCensus.Row::birthDate),
                required("employee_hire_date", DATE, SyntheticCensus.Row::hireDate),
                nullable("employee_termination_date", DATE, SyntheticCensus.Row::terminationDate),
                required("employee_gross_compensation", DECIMAL_18_2, SyntheticCensus.Row::compensationCents),
                required("active", BOOLEAN, SyntheticCensus.Row::active)));
    }
}
