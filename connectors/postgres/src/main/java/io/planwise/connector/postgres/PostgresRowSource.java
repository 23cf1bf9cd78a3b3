package io.planwise.connector.postgres;

import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;

/**
 * A table or query of a PostgreSQL database read into Flink as decoded rows, split into ranges of
 * a row number so several subtasks read at once.
 *
 * <p><b>Row numbers.</b> If the relation has the row-id column (our schema's {@code census_row},
 * filled in load order) it is the row number and the split key, served by its index. Otherwise
 * rows are numbered by {@code row_number() OVER (ORDER BY <order column>)}, which is stable for a
 * unique key such as employee_id, so reruns and parallelism do not change which row is which.
 *
 * <p><b>Checks before the job.</b> {@link PostgresRowSourceBuilder#build()} connects once and fails
 * with a sentence, before any job starts, if the server is unreachable, the credentials are
 * refused, the table does not exist, the query does not run, a required column is missing, or a
 * column has a type the decoder cannot read. NULLs are not checked here: they reach the decoder,
 * whose caller turns them into rejected rows like any file row.
 *
 * <p>Built on flink-connector-jdbc-core's {@link JdbcSource}: it reads bounded, one split per
 * row-number range, and gives each subtask its own connection.
 */
public final class PostgresRowSource<T> {
    private final JdbcSource<T> source;
    private final long rows;
    private final int splits;
    private final String description;

    PostgresRowSource(JdbcSource<T> source, long rows, int splits, String description) {
        this.source = source;
        this.rows = rows;
        this.splits = splits;
        this.description = description;
    }

    public static <T> PostgresRowSourceBuilder<T> builder() {
        return new PostgresRowSourceBuilder<>();
    }

    public JdbcSource<T> source() {
        return source;
    }

    /** Rows the relation had when the source was built. */
    public long rows() {
        return rows;
    }

    /** Row-number ranges the rows are read in; each is one split for the subtasks to share. */
    public int splits() {
        return splits;
    }

    /** Where the rows come from, without credentials. */
    public String description() {
        return description;
    }
}
