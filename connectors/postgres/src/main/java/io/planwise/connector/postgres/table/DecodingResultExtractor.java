package io.planwise.connector.postgres.table;

import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.connector.rows.RowDecoder;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;

/** Each row of the relation's numbered query, decoded as {@link PostgresRelation#decode} decodes it. */
final class DecodingResultExtractor<T> implements ResultExtractor<T> {
    private static final long serialVersionUID = 1L;

    private final PostgresRelation relation;
    private final RowDecoder<T> decoder;
    private transient RowDecoder.BoundDecoder<T> bound;

    DecodingResultExtractor(PostgresRelation relation, RowDecoder<T> decoder) {
        this.relation = relation;
        this.decoder = decoder;
    }

    @Override
    public T extract(ResultSet rs) throws SQLException {
        if (bound == null) {
            bound = relation.bind(decoder);
        }
        return relation.decode(rs, bound);
    }
}
