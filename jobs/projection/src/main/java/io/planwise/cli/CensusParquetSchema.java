package io.planwise.cli;

import static io.planwise.warehouse.contract.Column.nullable;
import static io.planwise.warehouse.contract.Column.required;
import static io.planwise.warehouse.contract.ColumnType.BOOLEAN;
import static io.planwise.warehouse.contract.ColumnType.DATE;
import static io.planwise.warehouse.contract.ColumnType.DECIMAL_18_2;
import static io.planwise.warehouse.contract.ColumnType.VARCHAR;

import io.planwise.connector.mart.MartSchema;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.warehouse.contract.Mart;
import java.util.List;

/** The Parquet layout of a generated census: PlanWise's column names, real DATE and DECIMAL types. */
final class CensusParquetSchema {
    static final Mart CENSUS = new Mart("census", List.of(
            required("employee_id", VARCHAR),
            required("employee_ssn", VARCHAR),
            required("employee_birth_date", DATE),
            required("employee_hire_date", DATE),
            nullable("employee_termination_date", DATE),
            required("employee_gross_compensation", DECIMAL_18_2),
            required("active", BOOLEAN)), null);

    private CensusParquetSchema() {}

    static MartSchema<SyntheticCensus.Row> schema() {
        return MartSchema.<SyntheticCensus.Row>bind(CENSUS)
                .column("employee_id", SyntheticCensus.Row::employeeId)
                .column("employee_ssn", SyntheticCensus.Row::ssn)
                .column("employee_birth_date", SyntheticCensus.Row::birthDate)
                .column("employee_hire_date", SyntheticCensus.Row::hireDate)
                .column("employee_termination_date", SyntheticCensus.Row::terminationDate)
                .column("employee_gross_compensation", SyntheticCensus.Row::compensationCents)
                .column("active", SyntheticCensus.Row::active)
                .build();
    }
}
