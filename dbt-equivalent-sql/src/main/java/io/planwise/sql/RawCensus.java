package io.planwise.sql;

import io.planwise.model.census.CensusRowDecoder;
import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.connector.rows.RowFiles;
import io.planwise.model.census.CensusRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;

/**
 * Loads the census into {@code raw_census}, one row per record, values as text: read with the
 * Flink job's own CSV and Parquet readers ({@link RowFiles}), or from PostgreSQL through the same
 * checked, numbered relation the Flink job reads ({@link PostgresRelation#readAll}), so row numbers
 * (quoted multi-line records included), raw text and read errors are the same in both engines.
 * Every rule about what a row means is in the staging models.
 */
final class RawCensus {
    /** Reads every census row into the sink. */
    @FunctionalInterface
    private interface Rows {
        void readAll(Consumer<CensusRow> sink) throws IOException;
    }

    private final Rows rows;

    private RawCensus(Rows rows) {
        this.rows = rows;
    }

    static RawCensus file(Path census) {
        return new RawCensus(sink -> RowFiles.readAll(census, new CensusRowDecoder(), sink));
    }

    static RawCensus table(PostgresRelation census) {
        return new RawCensus(sink -> census.readAll(new CensusRowDecoder(), sink));
    }

    /** @return the number of rows loaded */
    long load(DuckDbSession db) throws SQLException, IOException {
        db.execute("""
                CREATE OR REPLACE TABLE raw_census (
                    source VARCHAR, row_number BIGINT, employee_id VARCHAR, employee_birth_date VARCHAR,
                    employee_hire_date VARCHAR, employee_termination_date VARCHAR,
                    employee_gross_compensation VARCHAR, field_count INTEGER, expected_field_count INTEGER,
                    raw_row VARCHAR)""");
        long[] loaded = {0};
        try (DuckDBAppender appender = db.connection().createAppender("raw_census")) {
            rows.readAll(row -> {
                append(appender, row);
                loaded[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return loaded[0];
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
