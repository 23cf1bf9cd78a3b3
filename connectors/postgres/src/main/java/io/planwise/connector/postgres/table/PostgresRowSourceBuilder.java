package io.planwise.connector.postgres.table;

import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.connector.rows.RowDecoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.split.JdbcNumericBetweenParametersProvider;

/**
 * Builds a {@link PostgresRowSource} over a relation that {@link PostgresRelation#check} has
 * checked and numbered; {@link #build()} only refuses a builder that lacks a part, with a sentence.
 */
public final class PostgresRowSourceBuilder<T> {
    private PostgresRelation relation;
    private RowDecoder<T> decoder;
    private TypeInformation<T> type;
    private int splits = 2;

    PostgresRowSourceBuilder() {}

    /** The checked table or query to read. */
    public PostgresRowSourceBuilder<T> setRelation(PostgresRelation relation) {
        this.relation = relation;
        return this;
    }

    /** Turns the text of each row into a record (the decoder the relation was checked with). */
    public PostgresRowSourceBuilder<T> setDecoder(RowDecoder<T> decoder) {
        this.decoder = decoder;
        return this;
    }

    /** The records' Flink type. */
    public PostgresRowSourceBuilder<T> setTypeInformation(TypeInformation<T> type) {
        this.type = type;
        return this;
    }

    /** How many row-number ranges to read in (at least 1; fewer when there are fewer rows). */
    public PostgresRowSourceBuilder<T> setSplits(int splits) {
        this.splits = splits;
        return this;
    }

    public PostgresRowSource<T> build() {
        if (relation == null) {
            throw new IllegalArgumentException("a PostgreSQL source needs a checked relation: what does it read?");
        }
        if (decoder == null || type == null) {
            throw new IllegalArgumentException("a PostgreSQL source needs a decoder and the type it produces");
        }
        if (splits < 1) {
            throw new IllegalArgumentException("splits must be at least 1, got " + splits);
        }
        int used = (int) Math.max(1, Math.min(splits, relation.rows()));
        JdbcSource<T> jdbc = JdbcSource.<T>builder()
                .setDBUrl(relation.endpoint().url())
                .setUsername(relation.endpoint().user())
                .setPassword(relation.endpoint().password())
                .setDriverName("org.postgresql.Driver")
                .setSql("SELECT * FROM (" + relation.numberedQuery() + ") AS numbered WHERE planwise_row BETWEEN ? AND ?")
                .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(relation.firstRow(),
                        relation.lastRow()).ofBatchNum(used))
                .setResultExtractor(new DecodingResultExtractor<>(relation, decoder))
                .setTypeInformation(type)
                .setResultSetFetchSize(10_000)
                .setAutoCommit(false)
                .build();
        useConnectionPerFetcher(jdbc, new ConnectionPerFetcher(relation.endpoint()));
        return new PostgresRowSource<>(jdbc, relation.rows(), used, relation.description());
    }

    /**
     * Puts the connection provider into the built source. JdbcSourceBuilder 4.0.0-2.0's build()
     * replaces whatever provider it was given with a SimpleJdbcConnectionProvider shared by all
     * split readers (the FLINK-39206 race), and JdbcSource's constructor is package-private; its
     * provider field is protected and not final, so it is set here, once, before the source is used.
     */
    static void useConnectionPerFetcher(JdbcSource<?> source, ConnectionPerFetcher provider) {
        try {
            java.lang.reflect.Field field = JdbcSource.class.getDeclaredField("connectionProvider");
            field.setAccessible(true);
            field.set(source, provider);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("flink-connector-jdbc-core changed: JdbcSource has no settable "
                    + "connectionProvider field; see FLINK-39206 and PostgresRowSourceBuilder", e);
        }
    }
}
