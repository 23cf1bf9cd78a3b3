package io.planwise.model.census;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps a census file's columns (PlanWise's names, any order, extras ignored) onto {@link CensusRow}. */
public final class CensusRowDecoder implements RowDecoder<CensusRow> {
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
