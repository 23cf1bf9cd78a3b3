package io.planwise.projection;

import io.planwise.model.projection.Employee;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.StartOfYear;
import org.apache.flink.util.Collector;

/** Emits a 1 for each employee whose hazard draw says they leave this year; summed into T. */
final class CountExperiencedTerminations extends YearPlanFunction<Employee, Long> {
    CountExperiencedTerminations(ProjectionParameters p, int year) {
        super(p, year);
    }

    @Override
    public void processElement(Employee e, ReadOnlyContext ctx, Collector<Long> out) throws Exception {
        if (StartOfYear.of(p, e, year).terminatesExperienced(p, plan(ctx).population())) {
            out.collect(1L);
        }
    }
}
