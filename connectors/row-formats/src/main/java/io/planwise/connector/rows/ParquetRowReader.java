package io.planwise.connector.rows;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reads one Parquet file row group by row group; each row becomes one decoded record. */
public final class ParquetRowReader<T> implements RowReader<T> {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    /** How often {@code everyBatch} runs: see the constructor. */
    private static final int RECORDS_PER_BATCH = 4096;

    private final String source;
    private final Runnable everyBatch;
    private final ParquetFileReader file;
    private final MessageColumnIO columnIO;
    private final ParquetTextMaterializer materializer;
    private final RowDecoder.BoundDecoder<T> decoder;
    private final int width;

    private RecordReader<String[]> rowGroup;
    private long leftInRowGroup;
    private long rowNumber;

    /**
     * @param everyBatch runs after every {@value #RECORDS_PER_BATCH} records. Flink's stream adapter
     *     ends a batch of records only after a megabyte has been read from the stream, but Parquet
     *     reads a whole row group at once, so a batch would otherwise hold every record of a row group
     *     (a million rows for some writers); the Flink format passes a seek to the current position,
     *     which ends the batch without moving. Plain readers pass a no-op.
     */
    public ParquetRowReader(String source, RowDecoder<T> decoder, InputFile input, Runnable everyBatch)
            throws IOException {
        this.source = source;
        this.everyBatch = everyBatch;
        checkMagic(input);
        try {
            this.file = ParquetFileReader.open(input, ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .build(), input.newStream());
        } catch (IOException | RuntimeException e) {
            throw new RowFormatException(source + " is not a readable Parquet file: " + e.getMessage(), e);
        }
        MessageType fileSchema = file.getFooter().getFileMetaData().getSchema();
        MessageType flat = flatColumns(fileSchema);
        file.setRequestedSchema(flat);
        this.columnIO = new ColumnIOFactory(file.getFooter().getFileMetaData().getCreatedBy())
                .getColumnIO(flat, fileSchema);
        this.materializer = new ParquetTextMaterializer(flat);
        this.width = flat.getFieldCount();
        List<String> columns = new ArrayList<>(width);
        for (Type field : flat.getFields()) {
            columns.add(field.getName());
        }
        try {
            this.decoder = decoder.bind(source, Collections.unmodifiableList(columns));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** A clear sentence for the common mistake (a CSV or other file named .parquet) before Parquet's own. */
    private void checkMagic(InputFile input) throws IOException {
        byte[] head = new byte[MAGIC.length];
        byte[] tail = new byte[MAGIC.length];
        long length = input.getLength();
        boolean parquet = length >= 2L * MAGIC.length + 4;
        if (parquet) {
            try (SeekableInputStream stream = input.newStream()) {
                stream.seek(0);
                readFully(stream, head);
                stream.seek(length - MAGIC.length);
                readFully(stream, tail);
            }
            parquet = Arrays.equals(head, MAGIC) && Arrays.equals(tail, MAGIC);
        }
        if (!parquet) {
            throw new RowFormatException(source + " is not a Parquet file: it does not start and end with"
                    + " the Parquet marker PAR1" + (length == 0 ? " (the file is empty)" : ""));
        }
    }

    private void readFully(SeekableInputStream stream, byte[] into) throws IOException {
        for (int read = 0; read < into.length; ) {
            int n = stream.read(into, read, into.length - read);
            if (n < 0) {
                throw new RowFormatException(source + " is not a Parquet file: it ends unexpectedly");
            }
            read += n;
        }
    }

    /** Nested and repeated columns have no single text value; they are left out of the rows. */
    private static MessageType flatColumns(MessageType schema) {
        List<Type> flat = new ArrayList<>();
        for (Type field : schema.getFields()) {
            if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
                flat.add(field);
            }
        }
        return new MessageType(schema.getName(), flat);
    }

    @Override
    public T read() throws IOException {
        String[] values;
        try {
            while (leftInRowGroup == 0) {
                PageReadStore pages = file.readNextRowGroup();
                if (pages == null) {
                    return null;
                }
                rowGroup = columnIO.getRecordReader(pages, materializer);
                leftInRowGroup = pages.getRowCount();
            }
            values = rowGroup.read();
        } catch (IOException | RuntimeException e) {
            throw new RowFormatException(source + " row " + (rowNumber + 1) + ": the Parquet data cannot be"
                    + " read: " + e.getMessage(), e);
        }
        leftInRowGroup--;
        rowNumber++;
        if (rowNumber % RECORDS_PER_BATCH == 0) {
            everyBatch.run();
        }
        T record = decoder.decode(rowNumber, values, width, csvText(values));
        if (record == null) {
            throw new IllegalStateException("the row decoder returned null for " + source + " row "
                    + rowNumber + "; a decoder must turn every row into a record");
        }
        return record;
    }

    /** The row as a CSV line would hold it: nulls empty, fields quoted only where CSV needs it. */
    private static String csvText(String[] values) {
        StringBuilder line = new StringBuilder(16 * values.length);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values[i];
            if (value == null) {
                continue;
            }
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                line.append(value);
            } else {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
