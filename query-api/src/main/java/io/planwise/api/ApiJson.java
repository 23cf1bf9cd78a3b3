package io.planwise.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The JSON the API writes: instants and dates as ISO strings, money as exact decimal numbers, and a
 * {@link ResultTable} as an array of row objects keyed by column name.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(ResultTable.class, new RowsSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ApiJson() {}

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class RowsSerializer extends StdSerializer<ResultTable> {
        private static final long serialVersionUID = 1L;

        RowsSerializer() {
            super(ResultTable.class);
        }

        @Override
        public void serialize(ResultTable table, JsonGenerator g, SerializerProvider provider) throws IOException {
            List<ResultTable.Column> columns = table.columns();
            g.writeStartArray();
            for (Object[] row : table.rows()) {
                g.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    g.writeFieldName(columns.get(i).name());
                    writeValue(g, row[i]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private static void writeValue(JsonGenerator g, Object v) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof BigDecimal d) {
                g.writeNumber(d);
            } else if (v instanceof BigInteger b) {
                g.writeNumber(b);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }
    }
}
