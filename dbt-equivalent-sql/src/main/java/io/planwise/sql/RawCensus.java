package io.planwise.sql;

import io.planwise.model.census.CensusRowDecoder;
import io.planwise.connector.rows.RowFiles;
import io.planwise.model.census.CensusRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * Loads the census file into {@code raw_census}, one row per record, values as text: read with the
 * Flink job's own CSV and Parquet readers ({@link RowFiles}), so line numbers (quoted multi-line
 * records included), raw text and read errors are the same in both engines. Every rule about what a
 * row means is in the staging models.
 */
final class RawCensus {
    private RawCensus() {}

    /** @return the number of rows loaded */
    static long load(DuckDbSession db, Path census) throws SQLException, IOException {
        db.execute("""
                CREATE OR REPLACE TABLE raw_census (
                    source VARCHAR, row_number BIGINT, employee_id VARCHAR, employee_birth_date VARCHAR,
                    employee_hire_date VARCHAR, employee_termination_date VARCHAR,
                    employee_gross_compensation VARCHAR, field_count INTEGER, expected_field_count INTEGER,
                    raw_row VARCHAR)""");
        long[] rows = {0};
        try (DuckDBAppender appender = db.connection().createAppender("raw_census")) {
            RowFiles.readAll(census, new CensusRowDecoder(), row -> {
                append(appender, row);
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private static void append(DuckDBAppender appender, CensusRow row) {
        try {
            appender.beginRow().append(row.source()).append(row.rowNumber()).append(row.employeeId())
                    .append(row.birthDate()).append(row.hireDate()).append(row.terminationDate())
                    .append(row.grossCompensation()).append(row.fieldCount()).append(row.expectedFieldCount())
                    .append(row.raw()).endRow();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot load census row " + row.rowNumber() + " of "
                    + row.source() + " into DuckDB: " + e.getMessage(), e));
        }
    }
}
