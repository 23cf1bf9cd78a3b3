package io.planwise.connector.file;

import io.planwise.testing.FlinkMiniCluster;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class RowFileSourcesTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    @TempDir
    java.nio.file.Path dir;

    /** Renders each row as "rowNumber [values] fieldCount", a String Flink can carry without a POJO. */
    private static final RowDecoder<String> TEXT = (source, columns) ->
            (rowNumber, values, fieldCount, raw) -> rowNumber + " " + Arrays.toString(values) + " " + fieldCount;

    private static List<String> collect(FileSource<String> source) throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "census").executeAndCollect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private Path csv(String name, String text) throws Exception {
        return Path.fromLocalFile(Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toFile());
    }

    @Test
    void aCsvFileIsReadInBatchModeWithLineNumbers() throws Exception {
        Path file = csv("census.csv", "id,name\r\nE1,\"Ann\r\nLee\"\r\n\r\nE2,Bob,extra\r\nE3\r\n");

        assertThat(collect(RowFileSources.forFile(file, TEXT, Types.STRING))).containsExactlyInAnyOrder(
                "2 [E1, Ann\r\nLee] 2", "5 [E2, Bob] 3", "6 [E3, null] 1");
    }

    @Test
    void aParquetFileIsReadInBatchModeWithRowNumbers() throws Exception {
        java.nio.file.Path parquet = DuckDbParquet.write(dir.resolve("census.PARQUET"),
                "SELECT * FROM (VALUES ('E1', DATE '1990-04-29', 1.50::DECIMAL(5,2)), ('E2', NULL, NULL)) t(id, d, x)",
                "");

        assertThat(collect(RowFileSources.forFile(Path.fromLocalFile(parquet.toFile()), TEXT, Types.STRING)))
                .containsExactlyInAnyOrder("1 [E1, 1990-04-29, 1.50] 3", "2 [E2, null, null] 3");
    }

    @Test
    void everyRowOfAManyRowGroupParquetFileArrivesOnce() throws Exception {
        java.nio.file.Path parquet = DuckDbParquet.write(dir.resolve("big.parquet"),
                "SELECT 'E' || i AS id FROM range(50000) t(i) ORDER BY i", "ROW_GROUP_SIZE 20480");

        List<String> rows = collect(RowFileSources.forFile(Path.fromLocalFile(parquet.toFile()), TEXT, Types.STRING));

        assertThat(rows).hasSize(50_000).doesNotHaveDuplicates().contains("50000 [E49999] 1");
    }

    @Test
    void aFileWhoseNameFlinkWouldTreatAsHiddenIsStillRead() throws Exception {
        Path file = csv("_census.csv", "id\nE1\n");

        assertThat(collect(RowFileSources.forFile(file, TEXT, Types.STRING))).containsExactly("2 [E1] 1");
    }

    @Test
    void anEmptyCsvFailsTheJobWithTheFormatsSentence() throws Exception {
        Path file = csv("empty.csv", "");

        assertThatThrownBy(() -> collect(RowFileSources.forFile(file, TEXT, Types.STRING)))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, RowFormatException.class))
                        .hasValueSatisfying(cause -> assertThat(cause).hasMessage(
                                "census file " + file.getPath() + " is empty: expected a header line")));
    }

    @Test
    void aNonParquetFileFailsTheJobWithTheFormatsSentence() throws Exception {
        Path file = csv("census.parquet", "id\nE1\n");

        assertThatThrownBy(() -> collect(RowFileSources.forFile(file, TEXT, Types.STRING)))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, RowFormatException.class))
                        .hasValueSatisfying(cause -> assertThat(cause).hasMessageStartingWith(
                                file.getPath() + " is not a Parquet file")));
    }

    @Test
    void otherExtensionsAreRefusedWithTheSupportedFormats() {
        assertThatThrownBy(() -> RowFileSources.forFile(new Path("/data/census.json"), TEXT, Types.STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read census.json: the supported formats are CSV (a file name ending in .csv)"
                        + " and Parquet (.parquet)");
    }
}
