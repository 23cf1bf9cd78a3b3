package io.planwise.connector.file;


import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes Parquet fixtures the way PlanWise's own files are written: with DuckDB. */
final class DuckDbParquet {

    private DuckDbParquet() {
    }

    /** Writes the result of {@code select} to {@code file}; {@code options} go into COPY's list. */
    static Path write(Path file, String select, String options) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''")
                    + "' (FORMAT parquet" + (options.isEmpty() ? "" : ", " + options) + ")");
        }
        return file;
    }
}
