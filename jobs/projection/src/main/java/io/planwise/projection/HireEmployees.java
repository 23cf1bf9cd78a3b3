package io.planwise.projection;

import io.planwise.model.projection.Employee;
import io.planwise.model.projection.NewHires;
import io.planwise.model.projection.ProjectionParameters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** Creates the hires of a slot range with their events and snapshot rows; active hires carry into next year. */
final class HireEmployees extends YearPlanFunction<HireSlots, Employee> {
    private transient MartOutcomeSink sink;
    private transient NewHires newHires;

    HireEmployees(ProjectionParameters p, int year) {
        super(p, year);
    }

    @Override
    public void open(OpenContext openContext) {
        sink = new MartOutcomeSink(getRuntimeContext().getMetricGroup(), year);
    }

    @Override
    public void processElement(HireSlots slots, ReadOnlyContext ctx, Collector<Employee> out) throws Exception {
        if (newHires == null) {
            newHires = new NewHires(p, plan(ctx));
        }
        MartOutcomeSink bound = sink.bind(out, r -> ctx.output(MartOutcomeSink.MARTS, r));
        for (long slot = slots.first(); slot <= slots.last(); slot++) {
            newHires.hire(slot, bound);
        }
    }
}
