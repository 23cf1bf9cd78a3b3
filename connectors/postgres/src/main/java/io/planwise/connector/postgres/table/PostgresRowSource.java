package io.planwise.connector.postgres.table;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.core.datastream.source.enumerator.JdbcSourceEnumeratorState;
import org.apache.flink.connector.jdbc.core.datastream.source.split.JdbcSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A table or query of a PostgreSQL database read into Flink as decoded rows, split into ranges of
 * a row number so several subtasks read at once.
 *
 * <p><b>Row numbers.</b> If the relation has the row-id column the builder was given (a numbered
 * column filled in load order, such as the PlanWise schema's {@code census_row}) it is the row
 * number and the split key, served by its index. Otherwise
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
 * row-number range, and gives each subtask its own connection. This class is itself the
 * {@link Source} (pass it to {@code env.fromSource}); readers, enumerator, splits and their
 * serializers are the wrapped JdbcSource's, so its checkpoints are JdbcSource checkpoints. What it
 * adds is what the checks found out: {@link #rows()}, {@link #splits()}, {@link #description()}.
 */
public final class PostgresRowSource<T>
        implements Source<T, JdbcSourceSplit, JdbcSourceEnumeratorState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

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

    /** The wrapped source (for the package's tests). */
    JdbcSource<T> jdbcSource() {
        return source;
    }

    public static <T> PostgresRowSourceBuilder<T> builder() {
        return new PostgresRowSourceBuilder<>();
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

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SourceReader<T, JdbcSourceSplit> createReader(SourceReaderContext context) throws Exception {
        return source.createReader(context);
    }

    @Override
    public SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> createEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context) throws Exception {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context, JdbcSourceEnumeratorState checkpoint) throws Exception {
        return source.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<JdbcSourceSplit> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<JdbcSourceEnumeratorState> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return source.getProducedType();
    }

    @Override
    public String toString() {
        return description;
    }
}
