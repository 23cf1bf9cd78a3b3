package io.planwise.projection;

import io.planwise.model.projection.Employee;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.StartOfYear;
import io.planwise.model.projection.YearPlan;
import org.apache.flink.util.Collector;

/** When the year needs a reduction in force, emits each survivor's rank (u(11) / w) and nothing else. */
final class RankReductionInForce extends YearPlanFunction<Employee, RankCandidate> {
    RankReductionInForce(ProjectionParameters p, int year) {
        super(p, year);
    }

    @Override
    public void processElement(Employee e, ReadOnlyContext ctx, Collector<RankCandidate> out) throws Exception {
        YearPlan plan = plan(ctx);
        long limit = plan.needs().reductionInForce();
        if (limit == 0) {
            return;
        }
        StartOfYear start = StartOfYear.of(p, e, year);
        if (!start.terminatesExperienced(p, plan.population())) {
            out.collect(new RankCandidate(start.reductionInForceRank(), limit));
        }
    }
}
