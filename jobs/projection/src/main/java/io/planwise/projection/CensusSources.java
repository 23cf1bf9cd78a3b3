package io.planwise.projection;

import io.planwise.model.census.CensusRowDecoder;
import io.planwise.connector.file.RowFileSources;
import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.table.PostgresRowSource;
import io.planwise.model.census.CensusRow;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;

/** The census sources the job accepts: a CSV or Parquet file, or a PostgreSQL table or query. */
public final class CensusSources {
    /** The HR database's census numbers its rows in load order in this column (see io.planwise.database's schema). */
    public static final String CENSUS_ROW = "census_row";

    private CensusSources() {}

    public static Source<CensusRow, ?, ?> file(Path census) {
        return RowFileSources.forFile(new org.apache.flink.core.fs.Path(census.toAbsolutePath().toUri()),
                new CensusRowDecoder(), TypeInformation.of(CensusRow.class));
    }

    /**
     * A census in PostgreSQL, read in {@code splits} row ranges. Column types are checked before
     * the job starts; NULLs in required columns become rejected rows like in a file.
     *
     * @param tableOrNull the table to read (default {@code census}) unless a query is given
     */
    public static PostgresRowSource<CensusRow> postgres(PostgresEndpoint endpoint, String tableOrNull, String queryOrNull,
            int splits) {
        var builder = PostgresRowSource.<CensusRow>builder()
                .setEndpoint(endpoint)
                .setDecoder(new CensusRowDecoder())
                .setTypeInformation(TypeInformation.of(CensusRow.class))
                .setSplits(splits)
                .setRowIdColumn(CENSUS_ROW)
                .setOrderColumn(CensusRow.EMPLOYEE_ID)
                .allowTypes(CensusRow.EMPLOYEE_ID, "text", "varchar", "bpchar", "int4", "int8")
                .allowTypes(CensusRow.BIRTH_DATE, "date", "timestamp", "timestamptz", "text", "varchar")
                .allowTypes(CensusRow.HIRE_DATE, "date", "timestamp", "timestamptz", "text", "varchar")
                .allowTypes(CensusRow.TERMINATION_DATE, "date", "timestamp", "timestamptz", "text", "varchar")
                .allowTypes(CensusRow.GROSS_COMPENSATION, "numeric", "int4", "int8", "float4", "float8", "text", "varchar");
        if (queryOrNull != null) {
            builder.setQuery(queryOrNull);
        } else {
            builder.setTable(tableOrNull == null ? "census" : tableOrNull);
        }
        return builder.build();
    }
}
