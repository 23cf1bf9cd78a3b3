package io.planwise.connector.rows;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads one CSV file: the header binds the decoder, then each record becomes one decoded row. */
public final class CsvRowReader<T> implements RowReader<T> {

    /** Flink's file streams do not buffer (and a plain FileInputStream neither); one system call per 64 KiB. */
    private static final int READ_BUFFER_BYTES = 1 << 16;

    private final String source;
    private final CsvRecordParser records;
    private final RowDecoder.BoundDecoder<T> decoder;
    private final int width;

    public CsvRowReader(String source, RowDecoder<T> decoder, InputStream in) throws IOException {
        this.source = source;
        this.records = new CsvRecordParser(
                new InputStreamReader(new BufferedInputStream(in, READ_BUFFER_BYTES), StandardCharsets.UTF_8),
                source);
        List<String> columns = readHeader();
        this.width = columns.size();
        this.decoder = decoder.bind(source, columns);
    }

    private List<String> readHeader() throws IOException {
        if (!records.next()) {
            throw new RowFormatException("census file " + source + " is empty: expected a header line");
        }
        String header = records.raw();
        // Checked here because a binary file rarely fails to parse: it just yields odd columns.
        if (header.indexOf('\0') >= 0) {
            throw new RowFormatException(source + " does not look like a CSV text file: its header line"
                    + " contains binary data (NUL bytes)");
        }
        if (header.indexOf('\uFFFD') >= 0) {
            throw new RowFormatException(source + " does not look like a CSV text file: its header line"
                    + " is not valid UTF-8 text");
        }
        List<String> columns = new ArrayList<>(records.fieldCount());
        for (int i = 0; i < records.fieldCount(); i++) {
            String name = records.field(i);
            columns.add(name == null ? "" : name.trim());
        }
        return Collections.unmodifiableList(columns);
    }

    @Override
    public T read() throws IOException {
        if (!records.next()) {
            return null;
        }
        int fieldCount = records.fieldCount();
        String[] values = new String[width];
        for (int i = 0, n = Math.min(fieldCount, width); i < n; i++) {
            values[i] = records.field(i);
        }
        T record = decoder.decode(records.line(), values, fieldCount, records.raw());
        if (record == null) {
            throw new IllegalStateException("the row decoder returned null for " + source + " line "
                    + records.line() + "; a decoder must turn every row into a record");
        }
        return record;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
