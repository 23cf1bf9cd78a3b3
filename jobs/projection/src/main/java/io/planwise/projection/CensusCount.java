package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.census.CensusBucket;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts one stream of staging into the matching field of {@link CensusAccounting}, per task. */
final class CensusCount<T> implements AggregateFunction<T, long[], RunFact> {
    enum Field { ROWS_READ, BASELINE, OUTSIDE_WORKFORCE, REJECTED, WARNINGS }

    private final Field field;

    CensusCount(Field field) {
        this.field = field;
    }

    @Override
    public long[] createAccumulator() {
        return new long[3];
    }

    @Override
    public long[] add(T value, long[] acc) {
        acc[0]++;
        if (value instanceof CensusBucket b) {
            acc[b == CensusBucket.TERMINATED_BEFORE_START ? 1 : 2]++;
        }
        return acc;
    }

    @Override
    public RunFact getResult(long[] acc) {
        return RunFact.census(switch (field) {
            case ROWS_READ -> new CensusAccounting(acc[0], 0, 0, 0, 0, 0);
            case BASELINE -> new CensusAccounting(0, acc[0], 0, 0, 0, 0);
            case OUTSIDE_WORKFORCE -> new CensusAccounting(0, 0, acc[1], acc[2], 0, 0);
            case REJECTED -> new CensusAccounting(0, 0, 0, 0, acc[0], 0);
            case WARNINGS -> new CensusAccounting(0, 0, 0, 0, 0, acc[0]);
        });
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
