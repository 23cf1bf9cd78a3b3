package io.planwise.sql;

import io.planwise.connector.file.RowDecoder;
import io.planwise.connector.file.RowFormatException;
import io.planwise.model.census.CensusRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a census file's columns onto {@link CensusRow} exactly as the Flink job's decoder does:
 * PlanWise's column names in any order and case, extra columns ignored, the required ones checked
 * with the same message. Values stay text; staging happens in SQL.
 */
final class CensusColumns implements RowDecoder<CensusRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public BoundDecoder<CensusRow> bind(String source, List<String> columns) throws RowFormatException {
        List<String> normalized = columns.stream().map(c -> c == null ? "" : c.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = new ArrayList<>();
        for (String required : CensusRow.REQUIRED_COLUMNS) {
            if (!normalized.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new RowFormatException("census " + source + " lacks required column(s) " + String.join(", ", missing)
                    + "; its header has: " + String.join(", ", columns));
        }
        int id = normalized.indexOf(CensusRow.EMPLOYEE_ID);
        int birth = normalized.indexOf(CensusRow.BIRTH_DATE);
        int hire = normalized.indexOf(CensusRow.HIRE_DATE);
        int termination = normalized.indexOf(CensusRow.TERMINATION_DATE);
        int compensation = normalized.indexOf(CensusRow.GROSS_COMPENSATION);
        int expected = columns.size();
        return (rowNumber, values, fieldCount, raw) -> new CensusRow(source, rowNumber, values[id], values[birth],
                values[hire], termination < 0 ? null : values[termination], values[compensation], fieldCount, expected, raw);
    }
}
