package io.planwise.projection;

import io.planwise.model.census.CensusRowDecoder;
import io.planwise.connector.file.RowFileSources;
import io.planwise.connector.postgres.PostgresRelation;
import io.planwise.connector.postgres.table.PostgresRowSource;
import io.planwise.model.census.CensusRow;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;

/** The census sources the job accepts: a CSV or Parquet file, or a PostgreSQL table or query. */
public final class CensusSources {
    private CensusSources() {}

    public static Source<CensusRow, ?, ?> file(Path census) {
        return RowFileSources.forFile(new org.apache.flink.core.fs.Path(census.toAbsolutePath().toUri()),
                new CensusRowDecoder(), TypeInformation.of(CensusRow.class));
    }

    /**
     * A census in PostgreSQL, checked by the front end (types, required columns, row numbering), read
     * in {@code splits} row ranges; NULLs in required columns become rejected rows like in a file.
     */
    public static PostgresRowSource<CensusRow> postgres(PostgresRelation census, int splits) {
        return PostgresRowSource.<CensusRow>builder().setRelation(census).setDecoder(new CensusRowDecoder())
                .setTypeInformation(TypeInformation.of(CensusRow.class)).setSplits(splits).build();
    }
}
