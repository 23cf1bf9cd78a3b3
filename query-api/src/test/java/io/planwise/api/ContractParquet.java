package io.planwise.api;

import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Test fixtures' Parquet files written from the run contract: a DuckDB table with exactly the mart's
 * file columns ({@link Mart#columns()}: names, {@code type().sqlName()}, NOT NULL where the contract says
 * so), the rows inserted in the order given, COPYed to Parquet without the partition column, as the
 * writers leave a file. A contract change thus flows into every fixture: a column the rows do not give a
 * value for (or a value for a column the contract does not have) fails the fixture, naming both.
 */
final class ContractParquet {

    private ContractParquet() {}

    /**
     * Writes one Parquet file of the mart.
     *
     * @param rows values by column name; a nullable column left out is NULL
     */
    static void write(Mart mart, Path file, List<? extends Map<String, ?>> rows) throws Exception {
        List<Column> columns = mart.columns();
        StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE fixture (", ")");
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (Column c : columns) {
            ddl.add(RunViews.quote(c.name()) + " " + c.type().sqlName() + (c.nullable() ? "" : " NOT NULL"));
            names.add(RunViews.quote(c.name()));
            marks.add("?");
        }
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement s = conn.createStatement()) {
            s.execute(ddl.toString());
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO fixture VALUES (" + marks + ")")) {
                for (Map<String, ?> row : rows) {
                    for (String key : row.keySet()) {
                        if (mart.columns().stream().noneMatch(c -> c.name().equals(key))) {
                            throw new IllegalArgumentException("The fixture gives a value for " + key + ", which "
                                    + mart.name() + " does not have; its columns are " + mart.columnNames() + ".");
                        }
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        Column c = columns.get(i);
                        if (!row.containsKey(c.name()) && !c.nullable()) {
                            throw new IllegalArgumentException("The fixture gives no value for the required column "
                                    + c.name() + " of " + mart.name() + "; it gives " + row.keySet() + ".");
                        }
                        ps.setObject(i + 1, row.get(c.name()));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            s.execute("COPY (SELECT " + names + " FROM fixture) TO " + MartQuery.literal(file.toString())
                    + " (FORMAT parquet)");
        }
    }

    /**
     * A record as a row: each component under its snake_case name ({@code levelId} is {@code level_id}),
     * so a fixture record with the mart's columns as its components is one row of the mart.
     */
    static Map<String, Object> row(Record r) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                row.put(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT),
                        c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return row;
    }
}
