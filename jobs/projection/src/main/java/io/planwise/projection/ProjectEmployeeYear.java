package io.planwise.projection;

import io.planwise.model.projection.Employee;
import io.planwise.model.projection.EmployeeYear;
import io.planwise.model.projection.ProjectionParameters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** The year of each start-of-year employee: decisions, events, snapshot, and next year's start. */
final class ProjectEmployeeYear extends YearPlanFunction<Employee, Employee> {
    private transient MartOutcomeSink sink;
    private transient EmployeeYear employeeYear;

    ProjectEmployeeYear(ProjectionParameters p, int year) {
        super(p, year);
    }

    @Override
    public void open(OpenContext openContext) {
        sink = new MartOutcomeSink(getRuntimeContext().getMetricGroup(), year);
    }

    @Override
    public void processElement(Employee e, ReadOnlyContext ctx, Collector<Employee> out) throws Exception {
        if (employeeYear == null) {
            employeeYear = new EmployeeYear(p, plan(ctx));
        }
        employeeYear.project(e, sink.bind(out, r -> ctx.output(MartOutcomeSink.MARTS, r)));
    }
}
