package io.planwise.connector.rows;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Materializes each record of a flat Parquet schema (primitive, non-repeated columns only) as one
 * text value per column, rendered as a CSV file would hold it: DATE as {@code yyyy-MM-dd}, TIMESTAMP
 * as ISO-8601 (with {@code Z} when adjusted to UTC), DECIMAL as a plain number, TIME as ISO, strings
 * and unannotated binaries as UTF-8, other numbers and booleans as Java prints them, NULL as null.
 * Legacy INT96 timestamps render like TIMESTAMP.
 *
 * <p>Dictionary-encoded columns are rendered once per dictionary entry, not once per row: census
 * columns such as dates and levels repeat heavily.
 */
final class ParquetTextMaterializer extends RecordMaterializer<String[]> {

    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private final int width;
    private final Converter[] columns;
    private String[] current;

    private final GroupConverter root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
            return columns[fieldIndex];
        }

        @Override
        public void start() {
            current = new String[width];
        }

        @Override
        public void end() {
        }
    };

    /** @param schema the flat schema being read; its field order is the order of the values */
    ParquetTextMaterializer(MessageType schema) {
        this.width = schema.getFieldCount();
        this.columns = new Converter[width];
        for (int i = 0; i < width; i++) {
            columns[i] = new ColumnText(i, schema.getType(i).asPrimitiveType());
        }
    }

    @Override
    public String[] getCurrentRecord() {
        return current;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    /** Renders one column's values into the current record. */
    private final class ColumnText extends PrimitiveConverter {

        private final int index;
        private final PrimitiveType type;
        private final LogicalTypeAnnotation logical;
        private String[] dictionaryText;

        ColumnText(int index, PrimitiveType type) {
            this.index = index;
            this.type = type;
            this.logical = type.getLogicalTypeAnnotation();
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            dictionaryText = new String[dictionary.getMaxId() + 1];
            for (int id = 0; id < dictionaryText.length; id++) {
                dictionaryText[id] = switch (type.getPrimitiveTypeName()) {
                    case INT32 -> intText(dictionary.decodeToInt(id));
                    case INT64 -> longText(dictionary.decodeToLong(id));
                    case FLOAT -> Float.toString(dictionary.decodeToFloat(id));
                    case DOUBLE -> Double.toString(dictionary.decodeToDouble(id));
                    case BOOLEAN -> Boolean.toString(dictionary.decodeToBoolean(id));
                    case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> binaryText(dictionary.decodeToBinary(id));
                };
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            current[index] = dictionaryText[dictionaryId];
        }

        @Override
        public void addBinary(Binary value) {
            current[index] = binaryText(value);
        }

        @Override
        public void addBoolean(boolean value) {
            current[index] = Boolean.toString(value);
        }

        @Override
        public void addDouble(double value) {
            current[index] = Double.toString(value);
        }

        @Override
        public void addFloat(float value) {
            current[index] = Float.toString(value);
        }

        @Override
        public void addInt(int value) {
            current[index] = intText(value);
        }

        @Override
        public void addLong(long value) {
            current[index] = longText(value);
        }

        private String intText(int value) {
            if (logical instanceof DateLogicalTypeAnnotation) {
                return LocalDate.ofEpochDay(value).toString();
            }
            if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
            }
            if (logical instanceof TimeLogicalTypeAnnotation) {
                return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(value * 1_000_000L));
            }
            if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
                return Integer.toUnsignedString(value);
            }
            return Integer.toString(value);
        }

        private String longText(long value) {
            if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
                return timestampText(value, timestamp.getUnit(), timestamp.isAdjustedToUTC());
            }
            if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
            }
            if (logical instanceof TimeLogicalTypeAnnotation time) {
                long nanos = time.getUnit() == TimeUnit.MICROS ? value * 1_000L : value;
                return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(nanos));
            }
            if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
                return Long.toUnsignedString(value);
            }
            return Long.toString(value);
        }

        private String binaryText(Binary value) {
            if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                return new BigDecimal(new BigInteger(value.getBytes()), decimal.getScale()).toPlainString();
            }
            if (logical instanceof UUIDLogicalTypeAnnotation) {
                ByteBuffer bytes = value.toByteBuffer();
                return new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8)).toString();
            }
            if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                return int96Text(value);
            }
            return value.toStringUsingUTF8();
        }

        /** Impala/Spark legacy timestamp: nanoseconds of the day, then the Julian day, little-endian. */
        private String int96Text(Binary value) {
            ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = bytes.getLong(bytes.position());
            long julianDay = bytes.getInt(bytes.position() + 8);
            LocalDateTime time = LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH).atStartOfDay()
                    .plusNanos(nanosOfDay);
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
        }

        private String timestampText(long value, TimeUnit unit, boolean adjustedToUtc) {
            long perSecond = switch (unit) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
            };
            long seconds = Math.floorDiv(value, perSecond);
            long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
            if (adjustedToUtc) {
                return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds, nanos));
            }
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC));
        }
    }
}
