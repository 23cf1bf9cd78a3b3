package io.planwise.connector.file;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFiles;
import io.planwise.connector.rows.RowFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps each row as given; optionally requires columns, the way a census decoder does. */
final class DecodedRowDecoder implements RowDecoder<DecodedRow> {

    private static final long serialVersionUID = 1L;

    private final List<String> required;
    /** The columns of the last bound file; only meaningful when read without Flink. */
    transient List<String> boundColumns;
    transient String boundSource;

    DecodedRowDecoder(String... required) {
        this.required = List.of(required);
    }

    @Override
    public BoundDecoder<DecodedRow> bind(String source, List<String> columns) throws RowFormatException {
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(columns);
        if (!missing.isEmpty()) {
            throw new RowFormatException(source + " lacks the required column(s) " + String.join(", ", missing));
        }
        boundColumns = columns;
        boundSource = source;
        return (rowNumber, values, fieldCount, raw) ->
                new DecodedRow(rowNumber, Arrays.asList(values), fieldCount, raw);
    }

    /** Reads a whole file through {@link RowFiles} with this decoder. */
    List<DecodedRow> readAll(Path file) throws IOException {
        List<DecodedRow> rows = new ArrayList<>();
        RowFiles.readAll(file, this, rows::add);
        return rows;
    }
}
