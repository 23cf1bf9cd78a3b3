package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.ensemble.TrialFigure;
import io.planwise.model.ensemble.TrialFigures;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import io.planwise.model.projection.BaselineEmployee;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.RunChecks;
import io.planwise.model.projection.TrialProjection;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trial task: holds the baseline workforce (broadcast, so every task has all of it) and runs each
 * {@link TrialWork} it is given as one {@link TrialProjection}. Detail rows of the work's shard and,
 * from shard 0, the trial's needs, summary and check rows are the main output (mart rows, chained
 * to the sink); shard 0 also emits the trial's band figures ({@link #FIGURES}) and its verdict
 * ({@link #VERDICTS}). The rows are the main output because the main collector reuses one stream
 * record, where every side-output row costs a new one (2.9 GB of a 1,000,000 × 10 run's 34 GB of
 * allocations, measured with JFR).
 *
 * <p>In BATCH mode Flink processes the whole broadcast side before the first element of the other
 * input, so the baseline and the census accounting are complete when the first trial starts; a
 * bounded job is restarted as a whole region on failure, so plain fields hold them (no state to
 * snapshot).
 *
 * <p>Dashboard metrics: {@code trials_completed} and {@code employee_years} per task.
 */
final class ProjectTrials extends BroadcastProcessFunction<TrialWork, TrialInput, MartRecord> {
    static final OutputTag<TrialFigure> FIGURES = new OutputTag<>("trial-figures") {};
    static final OutputTag<TrialVerdicts> VERDICTS = new OutputTag<>("trial-verdicts") {};
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private final ProjectionParameters p;
    private final int trials;
    private final int detailTrials;
    private transient List<BaselineEmployee> baseline;
    private transient CensusAccounting census;
    private transient Counter trialsCompleted;
    private transient Counter employeeYears;

    ProjectTrials(ProjectionParameters p, int trials, int detailTrials) {
        this.p = p;
        this.trials = trials;
        this.detailTrials = detailTrials;
    }

    @Override
    public void open(OpenContext openContext) {
        baseline = new ArrayList<>();
        trialsCompleted = getRuntimeContext().getMetricGroup().counter("trials_completed");
        employeeYears = getRuntimeContext().getMetricGroup().counter("employee_years");
    }

    @Override
    public void processBroadcastElement(TrialInput input, Context ctx, Collector<MartRecord> out) {
        if (input.employee() != null) {
            baseline.add(input.employee());
        } else {
            census = input.census();
        }
    }

    @Override
    public void processElement(TrialWork work, ReadOnlyContext ctx, Collector<MartRecord> out) {
        if (census == null) {
            throw new IllegalStateException("trial " + work.trial() + " started before the census was accounted for");
        }
        boolean detail = work.trial() < detailTrials;
        TrialProjection.DetailRows rows = !detail ? null : new TrialProjection.DetailRows() {
            @Override
            public boolean writes(String employeeId) {
                return work.writes(employeeId);
            }

            @Override
            public void event(YearlyEvent e) {
                out.collect(MartRecord.of(e));
            }

            @Override
            public void snapshot(WorkforceSnapshot s) {
                out.collect(MartRecord.of(s));
            }

            @Override
            public void yearWritten(int year) {
                out.collect(MartRecord.YEAR_WRITTEN);
            }
        };
        boolean logYears = work.trial() == 0 && work.reportsTrial();
        RunChecks checks = new TrialProjection(p.forTrial(work.trial()), census)
                .onYear(needs -> {
                    // Counted as each year starts, so a long trial shows progress on the dashboard; every
                    // task that runs a trial computes all of its employee-years, whatever rows it writes.
                    employeeYears.inc(needs.startingWorkforce() + needs.hires());
                    if (logYears) {
                        PROGRESS.info("{}  start {}  experienced terminations {}  hires {}  new-hire terminations {}  RIF {}"
                                + "  target {}", needs.year(), needs.startingWorkforce(), needs.experiencedTerminations(),
                                needs.hires(), needs.newHireTerminations(), needs.reductionInForce(), needs.target());
                    }
                })
                .run(baseline, rows);
        if (!work.reportsTrial()) {
            return;
        }
        checks.needsRows().forEach(r -> out.collect(MartRecord.of(r)));
        checks.summaryRows().forEach(r -> out.collect(MartRecord.of(r)));
        checks.checks().forEach(r -> out.collect(MartRecord.of(r)));
        TrialFigures.of(work.trial(), checks.summaryRows()).forEach(f -> ctx.output(FIGURES, f));
        ctx.output(VERDICTS, TrialVerdicts.of(work.trial(), checks));
        trialsCompleted.inc();
        long done = trialsCompleted.getCount();
        if (trials > 1 && (done % Math.max(1, trials / 10) == 0)) {
            PROGRESS.info("trials: {} done on task {}", done, work.task());
        }
    }
}
