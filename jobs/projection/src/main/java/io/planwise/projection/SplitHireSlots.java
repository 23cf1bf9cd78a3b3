package io.planwise.projection;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Cuts the year's H hires into ranges so that several tasks can hire at once. */
final class SplitHireSlots implements FlatMapFunction<YearFact, HireSlots> {
    static final long SLOTS_PER_RANGE = 8_192;

    @Override
    public void flatMap(YearFact fact, Collector<HireSlots> out) {
        long hires = fact.needs().hires();
        for (long first = 1; first <= hires; first += SLOTS_PER_RANGE) {
            out.collect(new HireSlots(fact.year(), first, Math.min(hires, first + SLOTS_PER_RANGE - 1),
                    fact.needs().newHireTerminations()));
        }
    }
}
