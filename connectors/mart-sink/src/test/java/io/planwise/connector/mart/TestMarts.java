package io.planwise.connector.mart;

import static io.planwise.warehouse.contract.Column.nullable;
import static io.planwise.warehouse.contract.Column.required;
import static io.planwise.warehouse.contract.ColumnType.BIGINT;
import static io.planwise.warehouse.contract.ColumnType.BOOLEAN;
import static io.planwise.warehouse.contract.ColumnType.DATE;
import static io.planwise.warehouse.contract.ColumnType.DECIMAL_18_2;
import static io.planwise.warehouse.contract.ColumnType.DOUBLE;
import static io.planwise.warehouse.contract.ColumnType.INTEGER;
import static io.planwise.warehouse.contract.ColumnType.VARCHAR;

import io.planwise.warehouse.contract.Mart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.core.execution.JobClient;

/**
 * Two small marts of the tests' own, the bindings of {@link TestRow} to them, the catalogs, and
 * the rows the jobs write. The expected values the tests compare with are computed from these
 * inputs, never taken from what the code under test produced.
 */
final class TestMarts {
    static final String ALPHA_NAME = "alpha";
    static final String BETA_NAME = "beta";
    static final String YEAR = "simulation_year";
    /** The mart name of a row that is no row: it tells a batch sink to close its part files. */
    static final String CLOSE_PART_FILES = "close part files";

    /** Partitioned by simulation_year: every column type a money mart needs. */
    static final Mart ALPHA = new Mart(ALPHA_NAME, List.of(
            required("id", BIGINT),
            required("label", VARCHAR),
            required("amount", DECIMAL_18_2),
            nullable("as_of", DATE)), YEAR);

    /** Partitioned by simulation_year: the remaining column types, two of them nullable. */
    static final Mart BETA = new Mart(BETA_NAME, List.of(
            required("id", BIGINT),
            required("flag", BOOLEAN),
            required("ratio", DOUBLE),
            nullable("quantity", INTEGER),
            nullable("note", VARCHAR)), YEAR);

    /** The same marts without a partition column, as a streaming job writes them. */
    static final Mart STREAM_ALPHA = new Mart(ALPHA_NAME, ALPHA.columns(), null);
    static final Mart STREAM_BETA = new Mart(BETA_NAME, BETA.columns(), null);

    private TestMarts() {}

    static MartSchema<TestRow> alpha(Mart mart) {
        return MartSchema.<TestRow>bind(mart)
                .column("id", TestRow::id)
                .column("label", TestRow::label)
                .column("amount", TestRow::cents)
                .column("as_of", TestRow::asOf)
                .build();
    }

    static MartSchema<TestRow> beta(Mart mart) {
        return MartSchema.<TestRow>bind(mart)
                .column("id", TestRow::id)
                .column("flag", TestRow::flag)
                .column("ratio", TestRow::ratio)
                .column("quantity", TestRow::quantity)
                .column("note", TestRow::label)
                .build();
    }

    /** Routes a row by its mart field and its year. */
    static final class ByMart implements MartCatalog.Router<TestRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public String mart(TestRow record) {
            return record.mart();
        }

        @Override
        public int partition(TestRow record) {
            return record.year();
        }

        @Override
        public boolean closesPartFiles(TestRow record) {
            return record.mart().equals(CLOSE_PART_FILES);
        }
    }

    /** alpha and beta, partitioned by simulation_year. */
    static MartCatalog<TestRow> catalog() {
        return new MartCatalog<>(List.of(alpha(ALPHA), beta(BETA)), new ByMart());
    }

    /** alpha and beta without partitions, for StreamingMartSink. */
    static MartCatalog<TestRow> streamingCatalog() {
        return new MartCatalog<>(List.of(alpha(STREAM_ALPHA), beta(STREAM_BETA)), new ByMart());
    }

    /**
     * Row {@code i} of the tests' input: two thirds alpha, one third beta, spread over 2025-2027,
     * with nulls in the nullable columns, non-ASCII text, negative and 18-digit amounts.
     */
    static TestRow row(long i) {
        int year = 2025 + (int) ((i / 2) % 3);
        if (i % 3 != 0) {
            String label = i % 7 == 0 ? "Zoë's café Nº" + i : "row " + i;
            long cents = i == 1 ? 999_999_999_999_999_999L : i == 2 ? -1L : (i % 2 == 0 ? 1 : -1) * i * 100_003L;
            LocalDate asOf = i % 4 == 0 ? null : LocalDate.of(2024, 12, 31).plusDays(i * 3);
            return TestRow.alpha(year, i, label, cents, asOf);
        }
        return TestRow.beta(year, i, i % 4 == 1 ? null : "note " + i, i % 2 == 0, i / 8.0, i % 5 == 0 ? null : (int) i * 10);
    }

    static List<TestRow> rows(int from, int count) {
        List<TestRow> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    static List<TestRow> of(List<TestRow> rows, String mart) {
        return rows.stream().filter(r -> r.mart().equals(mart)).toList();
    }

    /** alpha rows as DuckDB returns {@code id, label, amount, as_of[, simulation_year]}. */
    static List<List<Object>> expectedAlpha(List<TestRow> rows, boolean withYear) {
        return of(rows, ALPHA_NAME).stream()
                .sorted(java.util.Comparator.comparingLong(TestRow::id))
                .map(r -> withYear
                        ? values(r.id(), r.label(), BigDecimal.valueOf(r.cents(), 2), r.asOf(), r.year())
                        : values(r.id(), r.label(), BigDecimal.valueOf(r.cents(), 2), r.asOf()))
                .toList();
    }

    /** beta rows as DuckDB returns {@code id, flag, ratio, quantity, note[, simulation_year]}. */
    static List<List<Object>> expectedBeta(List<TestRow> rows, boolean withYear) {
        return of(rows, BETA_NAME).stream()
                .sorted(java.util.Comparator.comparingLong(TestRow::id))
                .map(r -> withYear
                        ? values(r.id(), r.flag(), r.ratio(), r.quantity(), r.label(), r.year())
                        : values(r.id(), r.flag(), r.ratio(), r.quantity(), r.label()))
                .toList();
    }

    /** DuckDB's JDBC values, normalised: dates as LocalDate. */
    static List<List<Object>> normalise(List<List<Object>> rows) {
        return rows.stream().map(r -> r.stream().map(v -> v instanceof java.sql.Date d ? (Object) d.toLocalDate() : v)
                .toList()).toList();
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    /** Waits for a job to end, at most {@code seconds}; cancels it and fails if it does not. */
    static void awaitSuccess(JobClient job, long seconds) throws Exception {
        Throwable failure = await(job, seconds);
        if (failure != null) {
            throw new AssertionError("the job failed", failure);
        }
    }

    /** The job's failure, or null if it finished; waits at most {@code seconds}. */
    static Throwable await(JobClient job, long seconds) throws Exception {
        try {
            job.getJobExecutionResult().get(seconds, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            job.cancel().get(30, TimeUnit.SECONDS);
            throw new AssertionError("the job did not end within " + seconds + " s", e);
        }
    }
}
