package io.planwise.projection;

import org.apache.flink.api.common.functions.MapFunction;

/** Wraps one task's count of experienced terminations as a fact of its year. */
final class ToTerminationFact implements MapFunction<Long, YearFact> {
    private final int year;

    ToTerminationFact(int year) {
        this.year = year;
    }

    @Override
    public YearFact map(Long count) {
        return YearFact.terminations(year, count);
    }
}
