package io.planwise.projection;

import io.planwise.connector.mart.MartSinkGroup;
import io.planwise.connector.mart.PublishDecision;
import io.planwise.connector.mart.RunPublication;
import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusRow;
import io.planwise.model.mart.CensusIssue;
import io.planwise.model.ensemble.TrialFigure;
import io.planwise.model.mart.EnsembleBand;
import io.planwise.model.mart.QualityCheck;
import io.planwise.model.projection.BaselineEmployee;
import io.planwise.cli.ProjectionRun;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.TrialShard;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.contract.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The projection as one Flink BATCH job: census staging, then every trial of the ensemble (a single
 * projection is an ensemble of one), then the bands over the trials and the run's evaluation; one
 * mart sink per producing operator (chained to it, so rows go straight into the Parquet writer),
 * all in one group that publishes the run once.
 *
 * <p><b>Design: a trial runs whole in one task, or split over all of them.</b> Trials are
 * independent given the census and the assumptions (every draw takes the trial, MODEL.md section 2),
 * and inside a trial every year needs exact facts about the whole workforce before any employee's
 * year (N, W, T, the needs, two ranked cutoffs). Computing those with engine barriers would cost a
 * blocking stage per fact and per year (about 80 for 10 years) and ship every employee through each;
 * instead the baseline goes once to the trial tasks, which hold it in memory and run trials as plain
 * loops ({@link io.planwise.model.projection.TrialProjection}): broadcast whole when some trials run
 * whole (an ensemble), else (a single projection) each employee only to the task of its shard. The ensemble's
 * trials run whole, spread over the tasks (trial t on task t mod P). Nothing gathers all trials or
 * all employees of all trials into one task: needs, summary and check rows are written by the task
 * that ran the trial, band inputs are partitioned by (year, level, metric), and only small per-task
 * verdicts and per-year band checks reach the evaluating task. No stage sorts: a BATCH keyed stage
 * or window would sort its input through managed memory, allocated in full at each task's start,
 * so what a stage needs together it gathers on the heap ({@link ResolveDuplicateIds},
 * {@link SummariseBands}, {@link WholeInput}) and the job declares no managed memory.
 *
 * <p><b>Detail trials are split.</b> Trials 0 … detail_trials − 1 also write events and snapshot
 * rows, most of a run's output, and a single big projection is one such trial; each is split over
 * all P tasks ({@link io.planwise.model.projection.TrialShard}: shard s on task s owns the employees
 * and hires whose id hashes to s). A shard holds, projects and writes only its own employees, and
 * the shards agree on each year's facts by exchanging their parts of them (a few kilobytes, two or
 * three round trips a year) through the operator's coordinator on the JobManager
 * ({@link ShardCoordinator}); the employees never leave their task. Every task therefore works on
 * 1/P of a big trial, and its rows are written by P writers without a shuffle.
 *
 * <p><b>Cost model</b> (P tasks, E baseline employees, Y years, N trials, K detail trials): memory
 * per task ≈ E × ~150 bytes for the broadcast baseline (E / P × ~150 when every trial is split),
 * plus 2 × E × 100 bytes (this year's and next year's workforce) for a whole trial or 1/P of that for
 * a shard; CPU per task ≈ (K / P + (N − K) / P) × E × Y × c, with c ≈ 0.25 µs per employee-year
 * only counted (an ensemble trial) and about 5 µs with its rows built and Parquet-encoded (2-core
 * machine); output ≈ K × E × Y × (1 snapshot + ~1.3 event rows) split over P writers, plus N × Y ×
 * (levels + 1) × 8 band inputs shuffled to the band tasks (8 bytes each there). What does not split: reading the census
 * file (one reader; a CSV's quoted fields may span lines), an ensemble's broadcast of the baseline
 * to every task, and per year of a detail trial 2–3 waits for the slowest shard.
 */
public final class ProjectionJob {
    private final ProjectionSettings settings;
    private final Source<CensusRow, ?, ?> census;

    public ProjectionJob(ProjectionSettings settings, Source<CensusRow, ?, ?> census) {
        this.settings = settings;
        this.census = census;
    }

    /**
     * Builds the job into env and runs it. Attached, it returns once the run is published (or
     * throws); detached, right after submission, without reading results that do not exist yet,
     * so a REST submission never fails after the job was already submitted.
     */
    public ProjectionRun execute(StreamExecutionEnvironment env) throws Exception {
        Instant started = Instant.now();
        build(env, started);
        JobExecutionResult submitted = env.execute("planwise projection · " + settings.config().scenarioId() + " · "
                + settings.runId());
        Path runDir = settings.warehouse().runDir(settings.config().scenarioId(), settings.runId());
        String jobId = submitted.getJobID().toString();
        if (!submitted.isJobExecutionResult()) {
            return new ProjectionRun(settings.config().scenarioId(), settings.runId(), runDir, null,
                    Duration.between(started, Instant.now()), jobId);
        }
        RunManifest manifest = new ManifestStore(settings.warehouse()).current(settings.config().scenarioId())
                .filter(m -> m.runId().equals(settings.runId()))
                .orElseThrow(() -> new IllegalStateException("the job finished but run " + settings.runId()
                        + " is not the published run"));
        return new ProjectionRun(settings.config().scenarioId(), settings.runId(), runDir, manifest,
                Duration.between(started, Instant.now()), jobId);
    }

    void build(StreamExecutionEnvironment env, Instant started) {
        // BATCH: the input is bounded and every year needs facts about the whole workforce (totals,
        // cutoffs), so each year is a blocking stage: Flink schedules stages one after another on
        // few slots, spills to disk instead of holding all years in memory, and FileSink commits
        // once at the end of input, which is when the run may be published.
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // Every function treats its input as immutable (records) or owns its accumulator, so
        // chained operators may pass objects on without Flink's defensive deep copies.
        env.getConfig().enableObjectReuse();
        LocalDateTypes.register();
        ProjectionParameters p = new ProjectionParameters(settings.config(), settings.assumptions(), 0);
        LocalDate asOf = settings.config().censusAsOfDate();
        TypeInformation<RunFact> factType = TypeInformation.of(RunFact.class);
        TypeInformation<MartRecord> martType = TypeInformation.of(MartRecord.class);

        // Census staging: every row ends in exactly one bucket, and each bucket is counted.
        DataStream<CensusRow> rows = env.fromSource(census, WatermarkStrategy.noWatermarks(), "census")
                .returns(TypeInformation.of(CensusRow.class));
        SingleOutputStreamOperator<CensusCandidate> staged = rows.process(new StageCensusRow(p, asOf))
                .name("census · parse and validate rows");
        SingleOutputStreamOperator<CensusCandidate> unique = staged
                .partitionCustom(ResolveDuplicateIds::partition, CensusCandidate::employeeId)
                .transform("census · resolve duplicate employee ids", TypeInformation.of(CensusCandidate.class),
                        new ResolveDuplicateIds(p));
        SingleOutputStreamOperator<BaselineEmployee> baseline = unique.process(new AssignBaseline(p, asOf))
                .name("census · assign buckets and levels");
        DataStream<CensusIssue> rejects = staged.getSideOutput(StageCensusRow.REJECTS)
                .union(unique.getSideOutput(StageCensusRow.REJECTS));
        DataStream<CensusIssue> warnings = baseline.getSideOutput(AssignBaseline.WARNINGS);
        DataStream<RunFact> censusFacts = count(rows, CensusCount.Field.ROWS_READ)
                .union(count(baseline, CensusCount.Field.BASELINE),
                        count(baseline.getSideOutput(AssignBaseline.OUTSIDE_WORKFORCE), CensusCount.Field.OUTSIDE_WORKFORCE),
                        count(rejects, CensusCount.Field.REJECTED), count(warnings, CensusCount.Field.WARNINGS));
        censusFacts = WholeInput.gather(censusFacts, new CensusGate(settings.config().maxRejectFraction()), factType,
                "census · accounting and gate");

        Map<String, DataStream<MartRecord>> marts = new LinkedHashMap<>();
        DataStream<CensusIssue> issues = rejects.union(warnings);
        marts.put("census · ", issues.map(MartRecord::of).returns(martType).name("census · issues"));
        List<DataStream<RunFact>> runFacts = new ArrayList<>();
        runFacts.add(censusFacts);
        runFacts.add(issues.fullWindowPartition().aggregate(new TallyCensusIssues()).returns(factType)
                .name("census · tally issues by reason"));

        // Trials: the baseline and the census accounting to the trial tasks, then the trials spread over them.
        int trials = settings.config().trials();
        int detailTrials = settings.config().detailTrials();
        int tasks = env.getParallelism();
        // Whole trials need the whole baseline in every task; when every trial is split (a single
        // projection), shard s needs only its own employees, so each goes only to the task of its shard.
        DataStream<TrialInput> employees = baseline.map(TrialInput::of).returns(TrialInput.class)
                .name("trials · baseline workforce");
        DataStream<TrialInput> trialInputs = (trials <= detailTrials
                ? employees.partitionCustom(TrialShard::of, (TrialInput input) -> input.employee().employeeId())
                : employees.broadcast())
                .union(censusFacts.map(TrialInput::of).returns(TrialInput.class).name("trials · census accounting").broadcast());
        DataStream<TrialWork> work = env.fromData(trialWork(trials, detailTrials, tasks), TypeInformation.of(TrialWork.class))
                .name("trials · " + trials + " to run").setParallelism(1)
                .partitionCustom((Integer task, int n) -> task % n, TrialWork::task);
        SingleOutputStreamOperator<MartRecord> trialRows = work.connect(trialInputs)
                .transform("trials · project every year of each trial", martType,
                        new ProjectTrials.Factory(p, trials, detailTrials));
        marts.put("trials · ", trialRows);
        DataStream<TrialFigure> figures = trialRows.getSideOutput(ProjectTrials.FIGURES);
        runFacts.add(trialRows.getSideOutput(ProjectTrials.VERDICTS).fullWindowPartition().aggregate(new TallyVerdicts())
                .returns(factType).name("trials · verdicts per task"));

        // Bands: partitioned by (year, level, metric), so no task sees more than its keys' trials.
        SingleOutputStreamOperator<EnsembleBand> bands = figures
                .partitionCustom(SummariseBands::partition, SummariseBands::key)
                .transform("bands · percentiles over the trials", TypeInformation.of(EnsembleBand.class),
                        new SummariseBands(p.scenarioId, trials, settings.config().minTrialsForBands()));
        marts.put("bands · ", bands.map(MartRecord::of).returns(martType).name("bands · rows"));
        DataStream<QualityCheck> bandChecks = WholeInput.gather(bands, new CheckBands(p.scenarioId, p.startYear, p.endYear,
                trials, p.levelCount()), TypeInformation.of(QualityCheck.class), "bands · ensemble checks");
        marts.put("bands · checks · ", bandChecks.map(MartRecord::of).returns(martType).name("bands · check rows")
                .setParallelism(1));
        runFacts.add(bandChecks.map(RunFact::ensembleCheck).returns(factType).name("bands · check outcomes")
                .setParallelism(1));

        DataStream<PublishDecision> decision = WholeInput.gather(union(runFacts),
                new EvaluateRun(runRecord(started, env.getParallelism()), trials), TypeInformation.of(PublishDecision.class),
                "evaluate run: checks of every trial and of the bands");

        // One sink per producer, so each is chained to the operator that makes its rows.
        RunPublication<MartRecord> publication = new RunPublication<>(settings.warehouse(),
                settings.config().scenarioId(), settings.runId(), ProjectionMartBinding.catalog(), settings.failAfterCommit());
        MartSinkGroup<MartRecord> sinks = new MartSinkGroup<>(ProjectionMartBinding.catalog(), publication, decision);
        marts.forEach((label, producerRows) -> producerRows.sinkTo(sinks.sink()).name(label + "write marts")
                .setParallelism(producerRows.getParallelism()));
    }

    /**
     * The trials' work items: each detail trial split over all tasks (shard s on task s), each other
     * trial whole, on task trial mod P. Detail trials come first, in trial order, so every task
     * reaches the shards of one split trial together (the shards wait for each other's facts).
     */
    static List<TrialWork> trialWork(int trials, int detailTrials, int tasks) {
        List<TrialWork> work = new ArrayList<>(trials + detailTrials * (tasks - 1));
        for (int t = 0; t < trials; t++) {
            if (t < detailTrials) {
                for (int shard = 0; shard < tasks; shard++) {
                    work.add(new TrialWork(t, new TrialShard(shard, tasks), shard));
                }
            } else {
                work.add(new TrialWork(t, TrialShard.WHOLE, t % tasks));
            }
        }
        return work;
    }

    private static <T> DataStream<RunFact> count(DataStream<T> stream, CensusCount.Field field) {
        return stream.fullWindowPartition().aggregate(new CensusCount<T>(field))
                .returns(TypeInformation.of(RunFact.class)).name("census · count " + field.name().toLowerCase());
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        return streams.get(0).union(streams.subList(1, streams.size()).toArray(new DataStream[0]));
    }

    private RunRecord runRecord(Instant started, int parallelism) {
        return RunRecord.started("flink", settings.config().trials(), settings.config().detailTrials(), parallelism, started, settings.censusDescription(),
                settings.config().describe(), settings.assumptions().fingerprints(), settings.config().scenarioId(),
                settings.runId());
    }
}
