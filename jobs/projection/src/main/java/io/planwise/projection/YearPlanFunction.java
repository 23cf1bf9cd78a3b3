package io.planwise.projection;

import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.YearPlan;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;

/**
 * Base of every per-employee step that needs the year's plan. The plan's pieces arrive as
 * broadcast {@link YearFact}s; in BATCH mode Flink processes the whole broadcast side before the
 * first employee, so the assembled plan is complete when the first employee arrives.
 */
abstract class YearPlanFunction<IN, OUT> extends BroadcastProcessFunction<IN, YearFact, OUT> {
    static final MapStateDescriptor<String, YearFact> FACTS =
            new MapStateDescriptor<>("year-facts", Types.STRING, TypeInformation.of(YearFact.class));

    protected final ProjectionParameters p;
    protected final int year;
    private transient YearPlan plan;

    YearPlanFunction(ProjectionParameters p, int year) {
        this.p = p;
        this.year = year;
    }

    @Override
    public void processBroadcastElement(YearFact fact, Context ctx, org.apache.flink.util.Collector<OUT> out) throws Exception {
        ctx.getBroadcastState(FACTS).put(fact.kind(), fact);
        plan = null;
    }

    protected YearPlan plan(ReadOnlyContext ctx) throws Exception {
        if (plan == null) {
            ReadOnlyBroadcastState<String, YearFact> facts = ctx.getBroadcastState(FACTS);
            YearFact population = facts.get("population");
            if (population == null) {
                throw new IllegalStateException("year " + year + ": the start-of-year population was not broadcast");
            }
            YearFact needs = facts.get("needs");
            YearFact rif = facts.get("rif_cutoff");
            YearFact nht = facts.get("nht_cutoff");
            plan = new YearPlan(year, population.population(), needs == null ? null : needs.needs(),
                    rif == null ? null : rif.reductionInForceCutoff(), nht == null ? null : nht.newHireTerminationCutoff());
        }
        return plan;
    }
}
