package io.planwise.connector.postgres;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;

/**
 * Reads each row as text (dates as ISO, numbers as plain decimals, NULL as null) and hands it to
 * the same {@link RowDecoder} the row files (CSV, Parquet) use, so a database row is decoded exactly
 * like a file row. Column 1 of the query is the row number; the relation's columns follow.
 */
public final class DecodingResultExtractor<T> implements ResultExtractor<T> {
    private static final long serialVersionUID = 1L;

    private final RowDecoder<T> decoder;
    private final String source;
    private final List<String> columns;
    private transient RowDecoder.BoundDecoder<T> bound;

    public DecodingResultExtractor(RowDecoder<T> decoder, String source, List<String> columns) {
        this.decoder = decoder;
        this.source = source;
        this.columns = List.copyOf(columns);
    }

    @Override
    public T extract(ResultSet rs) throws SQLException {
        if (bound == null) {
            try {
                bound = decoder.bind(source, columns);
            } catch (RowFormatException e) {
                throw new SQLException(e.getMessage(), e);
            }
        }
        String[] values = new String[columns.size()];
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getString(i + 2);
            if (i > 0) {
                raw.append(',');
            }
            raw.append(values[i] == null ? "" : values[i]);
        }
        return bound.decode(rs.getLong(1), values, values.length, raw.toString());
    }
}
