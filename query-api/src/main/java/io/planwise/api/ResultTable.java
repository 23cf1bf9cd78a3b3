package io.planwise.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rows a query returned, with their column names and DuckDB types; what every tabular endpoint renders
 * as JSON objects or CSV lines.
 *
 * @param columns names and types, in select order
 * @param rows values in column order: String, Integer, Long, BigInteger, BigDecimal, Double, Boolean,
 *     LocalDate or null
 */
record ResultTable(List<Column> columns, List<Object[]> rows) {

    record Column(String name, String type) {}

    ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column '" + name + "' in " + columns + ".");
    }

    /** The single value of a one-row, one-column result, e.g. a count. */
    Object single() {
        if (rows.size() != 1 || columns.size() != 1) {
            throw new IllegalStateException("Expected one value, got " + rows.size() + " rows of " + columns.size() + ".");
        }
        return rows.get(0)[0];
    }

    /** A table with other columns, each row computed from a row of this one. */
    ResultTable map(List<Column> newColumns, Function<Object[], Object[]> row) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(row.apply(r));
        }
        return new ResultTable(newColumns, out);
    }
}
