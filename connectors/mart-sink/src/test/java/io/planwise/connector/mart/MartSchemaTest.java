package io.planwise.connector.mart;

import static io.planwise.connector.mart.TestMarts.ALPHA;
import static io.planwise.connector.mart.TestMarts.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.testing.MartReader;
import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.ColumnType;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.MartQuery;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MartSchema} keeps a job's files on the contract: a binding that misses, renames, reorders
 * or adds a column is refused with a sentence that says what is wrong, and a record that leaves a
 * required column empty cannot be written. Also the {@link MartCatalog} rules and the Parquet
 * encoding of each contract type as DuckDB reads it.
 */
class MartSchemaTest {

    @TempDir
    Path tmp;

    @Test
    void aBindingThatMissesAColumnIsRefused() {
        MartSchema.Binding<TestRow> binding = MartSchema.<TestRow>bind(ALPHA)
                .column("id", TestRow::id)
                .column("label", TestRow::label);
        assertThatThrownBy(binding::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mart alpha binds 2 of its 4 contract columns; missing: [amount, as_of].");
    }

    @Test
    void aBindingThatNamesAColumnWronglyIsRefused() {
        MartSchema.Binding<TestRow> binding = MartSchema.<TestRow>bind(ALPHA).column("id", TestRow::id);
        assertThatThrownBy(() -> binding.column("text", TestRow::label))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 2 of mart alpha is label in the contract, but the binding names text.");
    }

    @Test
    void aBindingThatReordersColumnsIsRefused() {
        MartSchema.Binding<TestRow> binding = MartSchema.<TestRow>bind(ALPHA)
                .column("id", TestRow::id)
                .column("label", TestRow::label);
        assertThatThrownBy(() -> binding.column("as_of", TestRow::asOf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 3 of mart alpha is amount in the contract, but the binding names as_of.");
    }

    @Test
    void aBindingThatAddsAColumnIsRefused() {
        MartSchema.Binding<TestRow> binding = MartSchema.<TestRow>bind(ALPHA)
                .column("id", TestRow::id)
                .column("label", TestRow::label)
                .column("amount", TestRow::cents)
                .column("as_of", TestRow::asOf);
        assertThatThrownBy(() -> binding.column("simulation_year", TestRow::year))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mart alpha has 4 columns in the contract; the binding adds simulation_year.");
    }

    @Test
    void theParquetSchemaFollowsTheContract() {
        MessageType schema = TestMarts.alpha(ALPHA).parquetSchema();
        assertThat(schema.getName()).isEqualTo("alpha");
        assertThat(schema.getFieldCount()).isEqualTo(4);
        assertThat(schema.containsField("simulation_year")).as("the partition column is not in the files").isFalse();
        assertThat(schema.getType("id").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("label").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(schema.getType("amount").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("amount").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 18));
        assertThat(schema.getType("as_of").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
        assertThat(schema.getType("amount").getRepetition()).isEqualTo(Repetition.REQUIRED);
        assertThat(schema.getType("as_of").getRepetition()).isEqualTo(Repetition.OPTIONAL);
    }

    @Test
    void aNullInARequiredColumnFailsTheWriteNamingMartAndColumn() {
        MartSchema<TestRow> alpha = TestMarts.alpha(ALPHA);
        List<TestRow> rows = List.of(TestRow.alpha(2025, 1, "fine", 100L, null), TestRow.alpha(2025, 2, "no amount", null, null));
        assertThatThrownBy(() -> MartParquetWriter.write(tmp.resolve("alpha.parquet"), alpha, rows))
                .hasMessageContainingAll("mart alpha", "required column amount is null");

        MartSchema<TestRow> beta = TestMarts.beta(BETA);
        List<TestRow> nullNote = List.of(TestRow.beta(2025, 3, null, true, 0.5, null));
        // note and quantity are nullable in beta: the same kind of row is fine there.
        org.assertj.core.api.Assertions.assertThatCode(() -> MartParquetWriter.write(tmp.resolve("beta.parquet"), beta, nullNote))
                .doesNotThrowAnyException();
    }

    @Test
    void everyContractTypeReadsBackInDuckDbWithItsTypeAndValue() throws Exception {
        Mart all = new Mart("all_types", List.of(
                Column.required("v", ColumnType.VARCHAR),
                Column.required("i", ColumnType.INTEGER),
                Column.required("b", ColumnType.BIGINT),
                Column.required("d", ColumnType.DOUBLE),
                Column.required("f", ColumnType.BOOLEAN),
                Column.nullable("dt", ColumnType.DATE),
                Column.nullable("m", ColumnType.DECIMAL_18_2)), null);
        MartSchema<TestRow> schema = MartSchema.<TestRow>bind(all)
                .column("v", TestRow::label)
                .column("i", TestRow::year)
                .column("b", TestRow::id)
                .column("d", TestRow::ratio)
                .column("f", TestRow::flag)
                .column("dt", TestRow::asOf)
                .column("m", TestRow::cents)
                .build();
        Path file = tmp.resolve("all_types.parquet");
        MartParquetWriter.write(file, schema, List.of(
                new TestRow("all_types", 2031, 5_000_000_000L, "ünï", -123_456_789_012L, LocalDate.of(1999, 12, 31), true, -0.25, null),
                new TestRow("all_types", -1, -7, "", null, null, false, 1e300, null)));

        try (MartReader duck = new MartReader()) {
            String read = "select * from " + MartQuery.readParquet(List.of(file), null);
            assertThat(duck.describe(read)).isEqualTo(MartReader.contractColumns(all)).containsExactly(
                    "v VARCHAR", "i INTEGER", "b BIGINT", "d DOUBLE", "f BOOLEAN", "dt DATE", "m DECIMAL(18,2)");
            assertThat(TestMarts.normalise(duck.rows(read + " order by b desc"))).containsExactly(
                    java.util.Arrays.asList("ünï", 2031, 5_000_000_000L, -0.25, true, LocalDate.of(1999, 12, 31),
                            new BigDecimal("-1234567890.12")),
                    java.util.Arrays.asList("", -1, -7L, 1e300, false, null, null));
        }
    }

    @Test
    void textsReadBackExactlyWhetherRepeatedUniqueOrNonAscii() throws Exception {
        // 200,000 distinct ids fill the column's dictionary page several times over, so the writer
        // falls back to plain encoding mid-file; a repeated String object, an id that shares the
        // previous one's length and a non-ASCII text come between them.
        MartSchema<TestRow> alpha = TestMarts.alpha(ALPHA);
        String repeated = "repeated";
        java.util.List<TestRow> rows = new java.util.ArrayList<>();
        long sumOfLengths = 0;
        for (int i = 0; i < 200_000; i++) {
            String label = switch (i % 4) {
                case 0 -> String.format("EMP_%08d", i);
                case 1 -> repeated;
                case 2 -> "Zoë-" + i;
                default -> String.format("EVT_%016x", i * 2_654_435_761L);
            };
            sumOfLengths += label.codePointCount(0, label.length());
            rows.add(TestRow.alpha(2025, i, label, 1L, null));
        }
        Path file = tmp.resolve("alpha.parquet");
        MartParquetWriter.write(file, alpha, rows);

        try (MartReader duck = new MartReader()) {
            String read = "select * from " + MartQuery.readParquet(List.of(file), null);
            assertThat(duck.rows("select count(*), sum(length(label))::bigint, count(distinct label), min(label), max(label)"
                    + " from (" + read + ")")).containsExactly(List.of(200_000L, sumOfLengths, 150_001L, "EMP_00000000",
                            "repeated"));
            assertThat(duck.rows("select label from (" + read + ") where id in (0, 1, 2, 3, 199_999) order by id"))
                    .containsExactly(List.of("EMP_00000000"), List.of("repeated"), List.of("Zoë-2"),
                            List.of(String.format("EVT_%016x", 3 * 2_654_435_761L)),
                            List.of(String.format("EVT_%016x", 199_999 * 2_654_435_761L)));
            // The row groups' min/max statistics are copies, not views of a buffer overwritten since.
            assertThat(duck.rows("select min(stats_min_value), max(stats_max_value) from parquet_metadata('" + file
                    + "') where path_in_schema = 'label'")).containsExactly(List.of("EMP_00000000", "repeated"));
        }
    }

    @Test
    void columnsOfMostlyDistinctValuesAreWrittenWithoutADictionaryAndTheOthersWithOne() throws Exception {
        Mart marked = new Mart(TestMarts.ALPHA_NAME, List.of(
                Column.required("id", ColumnType.BIGINT).withMostlyDistinctValues(),
                Column.required("label", ColumnType.VARCHAR),
                Column.required("amount", ColumnType.DECIMAL_18_2).withMostlyDistinctValues(),
                Column.nullable("as_of", ColumnType.DATE)), TestMarts.YEAR);
        // Each id and amount comes four times, so a dictionary would pay off: the mark, not
        // parquet-java's own fallback, is what leaves it out.
        java.util.List<TestRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int k = i % 5_000;
            rows.add(TestRow.alpha(2025, 7L * k, "band " + (i % 3), 100L * k + 1, LocalDate.of(2025, 1 + i % 12, 1)));
        }
        Path file = tmp.resolve("marked.parquet");
        MartParquetWriter.write(file, TestMarts.alpha(marked), rows);

        try (MartReader duck = new MartReader()) {
            String chunks = "select path_in_schema, dictionary_page_offset is not null, encodings from parquet_metadata('"
                    + file + "') order by path_in_schema";
            for (List<Object> chunk : duck.rows(chunks)) {
                boolean distinct = chunk.get(0).equals("id") || chunk.get(0).equals("amount");
                assertThat(chunk.get(1)).as("%s has a dictionary page", chunk.get(0)).isEqualTo(!distinct);
                assertThat(chunk.get(2).toString().contains("DICTIONARY")).as("%s encodings %s", chunk.get(0), chunk.get(2))
                        .isEqualTo(!distinct);
            }
            String read = "select * from " + MartQuery.readParquet(List.of(file), null);
            assertThat(duck.rows("select count(*), sum(id)::bigint, count(distinct label), sum(amount)::varchar from ("
                    + read + ")")).containsExactly(List.of(20_000L, 4 * 7L * 4_999 * 5_000 / 2, 3L,
                            new BigDecimal(4 * 4_999L * 5_000 / 2).add(new BigDecimal("200.00")).toPlainString()));
        }
    }

    @Test
    void theMartsOfACatalogShareOnePartitionColumnAndUniqueNames() {
        MartSchema<TestRow> partitioned = TestMarts.alpha(ALPHA);
        MartSchema<TestRow> unpartitioned = TestMarts.beta(TestMarts.STREAM_BETA);
        assertThatThrownBy(() -> new MartCatalog<>(List.of(partitioned, unpartitioned), new TestMarts.ByMart()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("share their partition column", "beta");
        assertThatThrownBy(() -> new MartCatalog<>(List.of(partitioned, TestMarts.alpha(ALPHA)), new TestMarts.ByMart()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mart alpha is declared twice");

        MartCatalog<TestRow> catalog = TestMarts.catalog();
        assertThat(catalog.bucketOf(TestRow.beta(2027, 3, null, true, 0, null))).isEqualTo("beta/simulation_year=2027");
        assertThatThrownBy(() -> catalog.schema("gamma")).hasMessageContaining("no mart named gamma");
    }
}
