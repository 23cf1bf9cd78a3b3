package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.ensemble.TrialFigure;
import io.planwise.model.ensemble.TrialFigures;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import io.planwise.model.projection.BaselineEmployee;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.RunChecks;
import io.planwise.model.projection.ShardAgreement;
import io.planwise.model.projection.ShardFact;
import io.planwise.model.projection.TrialProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.apache.flink.runtime.operators.coordination.OperatorEventGateway;
import org.apache.flink.runtime.operators.coordination.OperatorEventHandler;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.streaming.api.operators.InputSelectable;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trial task: reads the whole baseline workforce and the census accounting (second input,
 * broadcast, read to its end before any work) and then runs each {@link TrialWork} it is given as
 * one {@link TrialProjection}: a whole trial, or its shard of a split detail trial, agreeing on each
 * year's facts with the other shards through the {@link ShardCoordinator}. Detail rows and, from
 * the reporting shard, the trial's needs, summary and check rows are the main output (mart rows,
 * chained to the sink); the reporting shard also emits the trial's band figures ({@link #FIGURES})
 * and its verdict ({@link #VERDICTS}). The rows are the main output because the main output reuses
 * one stream record, where every side-output row costs a new one (2.9 GB of a 1,000,000 × 10 run's
 * 34 GB of allocations, measured with JFR).
 *
 * <p>While a shard waits for an agreed fact, the task's thread keeps running its mailbox (that is
 * where the coordinator's answers arrive), so the wait never blocks the task's other duties; it is
 * bounded by {@link #AGREEMENT_TIMEOUT}. Every task takes the split trials first and in trial order,
 * so the shards of one trial reach its facts together. A bounded job restarts a failed task (when
 * the cluster's restart strategy restarts at all) from its blocking inputs, so plain fields hold
 * the baseline (no state to snapshot).
 *
 * <p>Dashboard metrics per task: {@code trials_completed}, {@code employee_years} (those this task
 * projected), {@code shard_wait_ms} (time spent waiting for the other shards of a split trial).
 */
final class ProjectTrials extends AbstractStreamOperator<MartRecord>
        implements TwoInputStreamOperator<TrialWork, TrialInput, MartRecord>, InputSelectable, BoundedMultiInput,
        OperatorEventHandler {
    static final OutputTag<TrialFigure> FIGURES = new OutputTag<>("trial-figures") {};
    static final OutputTag<TrialVerdicts> VERDICTS = new OutputTag<>("trial-verdicts") {};
    /** How long a shard waits for the others' part of one fact before it fails the job. */
    static final Duration AGREEMENT_TIMEOUT = Duration.ofMinutes(10);
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private final ProjectionParameters p;
    private final int trials;
    private final int detailTrials;
    private final OperatorEventGateway coordinator;
    private final MailboxExecutor mailbox;
    private final StreamRecord<MartRecord> row = new StreamRecord<>(null);
    private final List<BaselineEmployee> baseline = new ArrayList<>();
    private final Map<FactKey, FactChunk.Assembly> arriving = new HashMap<>();
    private final Map<FactKey, byte[]> answers = new HashMap<>();
    private CensusAccounting census;
    private boolean baselineRead;
    private Counter trialsCompleted;
    private Counter employeeYears;
    private Counter shardWaitMillis;

    private ProjectTrials(StreamOperatorParameters<MartRecord> parameters, ProjectionParameters p, int trials,
            int detailTrials, OperatorEventGateway coordinator, MailboxExecutor mailbox) {
        super(parameters);
        this.p = p;
        this.trials = trials;
        this.detailTrials = detailTrials;
        this.coordinator = coordinator;
        this.mailbox = mailbox;
    }

    @Override
    public void open() throws Exception {
        super.open();
        trialsCompleted = getMetricGroup().counter("trials_completed");
        employeeYears = getMetricGroup().counter("employee_years");
        shardWaitMillis = getMetricGroup().counter("shard_wait_ms");
    }

    @Override
    public InputSelection nextSelection() {
        return baselineRead ? InputSelection.FIRST : InputSelection.SECOND;
    }

    @Override
    public void processElement2(StreamRecord<TrialInput> element) {
        TrialInput input = element.getValue();
        if (input.employee() != null) {
            baseline.add(input.employee());
        } else {
            census = input.census();
        }
    }

    @Override
    public void endInput(int inputId) {
        if (inputId == 2) {
            baselineRead = true;
        }
    }

    @Override
    public void processElement1(StreamRecord<TrialWork> element) {
        TrialWork work = element.getValue();
        if (census == null) {
            throw new IllegalStateException("trial " + work.trial() + " started before the census was accounted for");
        }
        boolean detail = work.trial() < detailTrials;
        TrialProjection.DetailRows rows = !detail ? null : new TrialProjection.DetailRows() {
            @Override
            public void event(YearlyEvent e) {
                output.collect(row.replace(MartRecord.of(e)));
            }

            @Override
            public void snapshot(WorkforceSnapshot s) {
                output.collect(row.replace(MartRecord.of(s)));
            }

            @Override
            public void yearWritten(int year) {
                output.collect(row.replace(MartRecord.YEAR_WRITTEN));
            }
        };
        boolean logYears = work.trial() == 0 && work.reportsTrial();
        long started = System.nanoTime();
        long waitedBefore = shardWaitMillis.getCount();
        RunChecks checks = new TrialProjection(p.forTrial(work.trial()), census)
                .inShards(work.shard(), work.shard().isWhole() ? ShardAgreement.ALONE : new CoordinatedAgreement(work))
                .onYear((needs, projected) -> {
                    // Counted as each year ends, so a long trial shows progress on the dashboard.
                    employeeYears.inc(projected);
                    if (logYears) {
                        PROGRESS.info("{}  start {}  experienced terminations {}  hires {}  new-hire terminations {}  RIF {}"
                                + "  target {}", needs.year(), needs.startingWorkforce(), needs.experiencedTerminations(),
                                needs.hires(), needs.newHireTerminations(), needs.reductionInForce(), needs.target());
                    }
                })
                .run(baseline, rows);
        if (!work.shard().isWhole()) {
            PROGRESS.info("trial {} shard {} on task {}: {} ms, of which {} ms waiting for the other shards' facts",
                    work.trial(), work.shard(), work.task(), (System.nanoTime() - started) / 1_000_000,
                    shardWaitMillis.getCount() - waitedBefore);
        }
        if (!work.reportsTrial()) {
            return;
        }
        checks.needsRows().forEach(r -> output.collect(row.replace(MartRecord.of(r))));
        checks.summaryRows().forEach(r -> output.collect(row.replace(MartRecord.of(r))));
        checks.checks().forEach(r -> output.collect(row.replace(MartRecord.of(r))));
        TrialFigures.of(work.trial(), checks.summaryRows()).forEach(f -> output.collect(FIGURES, new StreamRecord<>(f)));
        output.collect(VERDICTS, new StreamRecord<>(TrialVerdicts.of(work.trial(), checks)));
        trialsCompleted.inc();
        long done = trialsCompleted.getCount();
        if (trials > 1 && (done % Math.max(1, trials / 10) == 0)) {
            PROGRESS.info("trials: {} done on task {}", done, work.task());
        }
    }

    /** An agreed fact from the coordinator, in pieces; runs in the task's mailbox, also while a shard waits. */
    @Override
    public void handleOperatorEvent(OperatorEvent event) {
        FactChunk chunk = (FactChunk) event;
        byte[] fact = arriving.computeIfAbsent(chunk.key(), k -> new FactChunk.Assembly(chunk.count())).add(chunk);
        if (fact != null) {
            arriving.remove(chunk.key());
            answers.put(chunk.key(), fact);
        }
    }

    /** This task's side of the agreement: send the part, then run the mailbox until the answer is in. */
    private final class CoordinatedAgreement implements ShardAgreement {
        private final TrialWork work;

        CoordinatedAgreement(TrialWork work) {
            this.work = work;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <F extends ShardFact<F>> F agree(String fact, int year, F part) {
            FactKey key = new FactKey(work.trial(), fact, year);
            for (FactChunk chunk : FactChunk.of(key, work.shard().index(), work.shard().count(), part)) {
                coordinator.sendEventToCoordinator(chunk);
            }
            long started = System.nanoTime();
            long deadline = started + AGREEMENT_TIMEOUT.toNanos();
            long warnAt = started + TimeUnit.SECONDS.toNanos(30);
            byte[] answer;
            while ((answer = answers.remove(key)) == null) {
                if (!mailbox.tryYield()) {
                    if (warnAt != 0 && System.nanoTime() > warnAt) {
                        warnAt = 0;
                        PROGRESS.warn("{}: shard {} has waited 30 s for the other shards; a trial split over {} tasks needs"
                                + " all of them running at once (are the cluster's free slots fewer than the parallelism?)",
                                key, work.shard(), work.shard().count());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(key + ": shard " + work.shard()
                                + " waited " + AGREEMENT_TIMEOUT.toMinutes() + " minutes for the other shards; a trial split over "
                                + work.shard().count() + " tasks needs all of them running at once, so the job's parallelism"
                                + " must not exceed the cluster's free task slots");
                    }
                    LockSupport.parkNanos(100_000);
                }
            }
            shardWaitMillis.inc((System.nanoTime() - started) / 1_000_000);
            return (F) FactChunk.read(answer, getUserCodeClassloader());
        }
    }

    /** Makes the operator with its coordinator's gateway and a mailbox executor that also runs the coordinator's answers. */
    static final class Factory extends AbstractStreamOperatorFactory<MartRecord>
            implements CoordinatedOperatorFactory<MartRecord>, TwoInputStreamOperatorFactory<TrialWork, TrialInput, MartRecord> {
        private static final long serialVersionUID = 1L;
        private final ProjectionParameters p;
        private final int trials;
        private final int detailTrials;

        Factory(ProjectionParameters p, int trials, int detailTrials) {
            this.p = p;
            this.trials = trials;
            this.detailTrials = detailTrials;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<MartRecord>> T createStreamOperator(StreamOperatorParameters<MartRecord> parameters) {
            OperatorID id = parameters.getStreamConfig().getOperatorID();
            // Operator events are delivered as mails of the lowest priority; only an executor of that
            // priority runs them while the operator waits inside processElement.
            MailboxExecutor everyMail = parameters.getContainingTask().getMailboxExecutorFactory()
                    .createExecutor(TaskMailbox.MIN_PRIORITY);
            ProjectTrials operator = new ProjectTrials(parameters, p, trials, detailTrials,
                    parameters.getOperatorEventDispatcher().getOperatorEventGateway(id), everyMail);
            parameters.getOperatorEventDispatcher().registerEventHandler(id, operator);
            return (T) operator;
        }

        @Override
        public OperatorCoordinator.Provider getCoordinatorProvider(String operatorName, OperatorID operatorID) {
            return new ShardCoordinator.Provider(operatorID);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
            return ProjectTrials.class;
        }
    }
}
