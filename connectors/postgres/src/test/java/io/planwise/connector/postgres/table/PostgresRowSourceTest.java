package io.planwise.connector.postgres.table;

import io.planwise.connector.postgres.PostgresRelation;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.rows.RowDecoder;
import io.planwise.testing.FlinkMiniCluster;
import io.planwise.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@link PostgresRowSource} is itself the Flink source: handed to {@code env.fromSource}, it reads every row once. */
class PostgresRowSourceTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(2);

    /** "row number:first value" for every row. */
    private static final RowDecoder<String> DECODER = (source, columns) -> (row, values, count, raw) -> row + ":" + values[1];

    private static PostgresEndpoint endpoint;

    @BeforeAll
    static void createTables() throws Exception {
        endpoint = PostgresEndpoint.of(POSTGRES.url(), POSTGRES.user(), "", Map.of());
        try (Connection c = POSTGRES.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE numbered (census_row bigserial PRIMARY KEY, name text)");
            s.execute("INSERT INTO numbered (name) SELECT 'N' || g FROM generate_series(1, 1000) g");
            s.execute("CREATE TABLE unnumbered AS SELECT 'U' || lpad(g::text, 3, '0') AS name FROM generate_series(1, 10) g");
        }
    }

    private static List<String> run(Source<String, ?, ?> source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<String> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "postgres rows")
                .executeAndCollect("postgres row source")) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void itIsABoundedSourceOfTheDecodedRows() throws Exception {
        PostgresRelation numbered = PostgresRelation.check(endpoint,
                new PostgresRelation.Spec("numbered", null, "census_row", null, Map.of()), DECODER);
        PostgresRowSource<String> source = PostgresRowSource.<String>builder().setRelation(numbered)
                .setDecoder(DECODER).setTypeInformation(Types.STRING).setSplits(4).build();
        assertThat(source.rows()).isEqualTo(1000);
        assertThat(source.splits()).isEqualTo(4);
        assertThat(source.description()).isEqualTo(POSTGRES.url() + " table numbered");
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.getProducedType()).isEqualTo(Types.STRING);
        assertThat(source.getSplitSerializer()).isNotNull();
        assertThat(source.getEnumeratorCheckpointSerializer()).isNotNull();

        // Each split-fetcher thread gets its own connection (FLINK-39206), not the builder's shared one.
        java.lang.reflect.Field provider = org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource.class
                .getDeclaredField("connectionProvider");
        provider.setAccessible(true);
        assertThat(provider.get(source.jdbcSource())).isInstanceOf(ConnectionPerFetcher.class);

        List<String> rows = run(source, 2);
        assertThat(rows).hasSize(1000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 1000).mapToObj(i -> i + ":N" + i).toList());

        // Plain JDBC (the SQL engine's way) reads the same rows, numbered the same, in row order.
        List<String> plain = new ArrayList<>();
        assertThat(numbered.readAll(DECODER, plain::add)).isEqualTo(1000);
        assertThat(plain).containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).mapToObj(i -> i + ":N" + i).toList());
    }

    @Test
    void aTableWithoutTheRowIdColumnIsNumberedInTheOrderColumnsOrder() throws Exception {
        RowDecoder<String> names = (source, columns) -> (row, values, count, raw) -> row + ":" + values[0];
        PostgresRelation unnumbered = PostgresRelation.check(endpoint,
                new PostgresRelation.Spec("unnumbered", null, "census_row", "name", Map.of()), names);
        PostgresRowSource<String> source = PostgresRowSource.<String>builder().setRelation(unnumbered)
                .setDecoder(names).setTypeInformation(Types.STRING).setSplits(3).build();
        assertThat(source.splits()).isEqualTo(3);
        assertThat(run(source, 2)).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(i -> i + ":U" + String.format("%03d", i)).toList());
    }
}
