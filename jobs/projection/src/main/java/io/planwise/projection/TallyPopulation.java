package io.planwise.projection;

import io.planwise.model.projection.Employee;
import io.planwise.model.projection.Population;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.StartOfYear;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Partial start-of-year totals (N, W, headcount by level) of one task's employees. */
final class TallyPopulation implements AggregateFunction<Employee, Population, YearFact> {
    private final ProjectionParameters p;
    private final int year;

    TallyPopulation(ProjectionParameters p, int year) {
        this.p = p;
        this.year = year;
    }

    @Override
    public Population createAccumulator() {
        return Population.empty(p.levelCount());
    }

    @Override
    public Population add(Employee e, Population acc) {
        acc.add(p, StartOfYear.of(p, e, year));
        return acc;
    }

    @Override
    public YearFact getResult(Population acc) {
        return YearFact.population(year, acc);
    }

    @Override
    public Population merge(Population a, Population b) {
        return a.merge(b);
    }
}
