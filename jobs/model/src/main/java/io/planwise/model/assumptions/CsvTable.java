package io.planwise.model.assumptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A seed CSV with a header: checks that the columns a loader needs are present (others, such as
 * PlanWise's descriptions and timestamps, are ignored), that every row has as many fields as the
 * header, and that there is at least one data row.
 */
final class CsvTable {
    private final String file;
    private final Map<String, Integer> columns;
    private final List<CsvRow> rows;

    private CsvTable(String file, Map<String, Integer> columns, List<CsvRow> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    static CsvTable parse(String text, String file, List<String> requiredColumns) {
        List<CsvReader.Record> records = CsvReader.read(text, file);
        if (records.isEmpty()) {
            throw new AssumptionsException(file, 0, null, "the file is empty; a header and at least one row are required");
        }
        CsvReader.Record header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(name, i) != null) {
                throw new AssumptionsException(file, header.line(), name, "the column appears twice in the header");
            }
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required)) {
                throw new AssumptionsException(file, header.line(), required,
                        "required column is missing (the header has: " + String.join(", ", header.fields()) + ")");
            }
        }
        CsvTable table = new CsvTable(file, Map.copyOf(columns), new ArrayList<>());
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.fields().size()) {
                throw new AssumptionsException(file, record.line(), null, "the row has " + record.fields().size()
                        + " fields but the header has " + header.fields().size());
            }
            table.rows.add(new CsvRow(table, record.line(), record.fields()));
        }
        if (table.rows.isEmpty()) {
            throw new AssumptionsException(file, header.line(), null, "the table has no data rows");
        }
        return table;
    }

    String file() {
        return file;
    }

    List<CsvRow> rows() {
        return rows;
    }

    int index(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException(column + " was not declared as a required column of " + file);
        }
        return index;
    }
}
