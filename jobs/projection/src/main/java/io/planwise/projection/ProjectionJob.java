package io.planwise.projection;

import io.planwise.connector.mart.MartSinkGroup;
import io.planwise.connector.mart.PublishDecision;
import io.planwise.connector.mart.RunPublication;
import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusRow;
import io.planwise.model.mart.CensusIssue;
import io.planwise.model.projection.Employee;
import io.planwise.cli.ProjectionRun;
import io.planwise.model.projection.ProjectionParameters;
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
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The projection as one Flink BATCH job: census staging, then each year unrolled in the graph
 * (start-of-year population, experienced terminations, needs, reduction in force, the workforce's
 * year, hiring, new-hire terminations), then the run's evaluation; one mart sink per producing
 * operator (chained to it, so rows go straight into the Parquet writer), all in one group that
 * publishes the run once.
 *
 * <p>Per-employee work runs at the job's parallelism. Only small facts (population totals, counts,
 * the needs, two ranked-selection cutoffs) are gathered at parallelism 1 and broadcast back; the
 * ranked selections move just (key, id) pairs, at most k per task. Every decision is a pure
 * function of the employee and those facts, so the marts do not depend on the parallelism.
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
        TypeInformation<YearFact> factType = TypeInformation.of(YearFact.class);
        TypeInformation<MartRecord> martType = TypeInformation.of(MartRecord.class);

        // Census staging: every row ends in exactly one bucket, and each bucket is counted.
        DataStream<CensusRow> rows = env.fromSource(census, WatermarkStrategy.noWatermarks(), "census")
                .returns(TypeInformation.of(CensusRow.class));
        SingleOutputStreamOperator<CensusCandidate> staged = rows.process(new StageCensusRow(p, asOf))
                .name("census · parse and validate rows");
        SingleOutputStreamOperator<CensusCandidate> unique = staged.keyBy(CensusCandidate::employeeId)
                .process(new ResolveDuplicateIds(p)).name("census · resolve duplicate employee ids");
        SingleOutputStreamOperator<Employee> baseline = unique.process(new AssignBaseline(p, asOf))
                .name("census · assign buckets and levels");
        DataStream<CensusIssue> rejects = staged.getSideOutput(StageCensusRow.REJECTS)
                .union(unique.getSideOutput(StageCensusRow.REJECTS));
        DataStream<CensusIssue> warnings = baseline.getSideOutput(AssignBaseline.WARNINGS);
        DataStream<YearFact> censusFacts = count(rows, CensusCount.Field.ROWS_READ)
                .union(count(baseline, CensusCount.Field.BASELINE),
                        count(baseline.getSideOutput(AssignBaseline.OUTSIDE_WORKFORCE), CensusCount.Field.OUTSIDE_WORKFORCE),
                        count(rejects, CensusCount.Field.REJECTED), count(warnings, CensusCount.Field.WARNINGS));
        censusFacts = WholeInput.gather(censusFacts, new CensusGate(settings.config().maxRejectFraction()), factType,
                "census · accounting and gate");

        Map<String, DataStream<MartRecord>> marts = new LinkedHashMap<>();
        DataStream<CensusIssue> issues = rejects.union(warnings);
        marts.put("census · ", issues.map(MartRecord::of).returns(martType).name("census · issues"));
        List<DataStream<YearFact>> runFacts = new ArrayList<>();
        runFacts.add(censusFacts);
        runFacts.add(issues.fullWindowPartition().aggregate(new TallyCensusIssues()).returns(factType)
                .name("census · tally issues by reason"));

        DataStream<Employee> workforce = baseline;
        for (int year = p.startYear; year <= p.endYear; year++) {
            String y = year + " · ";
            DataStream<YearFact> population = workforce.fullWindowPartition()
                    .aggregate(new TallyPopulation(p, year)).returns(factType).name(y + "tally start-of-year workforce");
            population = WholeInput.gather(population, new MergePopulations(year, p.levelCount()), factType,
                    y + "start-of-year population");

            DataStream<YearFact> terminations = workforce.connect(population.broadcast(YearPlanFunction.FACTS))
                    .process(new CountExperiencedTerminations(p, year)).name(y + "experienced terminations")
                    .fullWindowPartition().reduce((ReduceFunction<Long>) Long::sum).name(y + "count terminations")
                    .map(new ToTerminationFact(year)).returns(factType).name(y + "termination count");

            DataStream<YearFact> needs = WholeInput.gather(population.union(terminations), new PlanYear(p, year), factType,
                    y + "workforce needs");

            DataStream<RankBatch> rifRanks = workforce.connect(population.union(needs).broadcast(YearPlanFunction.FACTS))
                    .process(new RankReductionInForce(p, year)).name(y + "rank reduction in force")
                    .fullWindowPartition().aggregate(SelectSmallestRanks.perTask()).returns(RankBatch.class)
                    .name(y + "smallest RIF ranks per task");
            DataStream<YearFact> rifCutoff = WholeInput.gather(rifRanks, SelectSmallestRanks.cutoff(year, false), factType,
                    y + "reduction in force cutoff");

            SingleOutputStreamOperator<Employee> continuing = workforce
                    .connect(population.union(needs, rifCutoff).broadcast(YearPlanFunction.FACTS))
                    .process(new ProjectEmployeeYear(p, year)).name(y + "terminations, promotions, raises");

            DataStream<HireSlots> slots = needs.flatMap(new SplitHireSlots()).name(y + "hire slots").setParallelism(1)
                    .rebalance();
            DataStream<RankBatch> nhtRanks = slots.fullWindowPartition().aggregate(new RankNewHireTerminations(p))
                    .returns(RankBatch.class)
                    .name(y + "smallest new-hire termination ranks per task");
            DataStream<YearFact> nhtCutoff = WholeInput.gather(nhtRanks, SelectSmallestRanks.cutoff(year, true), factType,
                    y + "new-hire termination cutoff");
            SingleOutputStreamOperator<Employee> hired = slots
                    .connect(population.union(needs, nhtCutoff).broadcast(YearPlanFunction.FACTS))
                    .process(new HireEmployees(p, year)).name(y + "new hires");

            for (SingleOutputStreamOperator<Employee> producer : List.of(continuing, hired)) {
                DataStream<MartRecord> rowsOfYear = producer.getSideOutput(MartOutcomeSink.MARTS);
                marts.put(y + (producer == hired ? "new hires · " : "workforce · "), rowsOfYear);
                runFacts.add(rowsOfYear.fullWindowPartition().aggregate(new TallyLedger(p)).returns(factType)
                        .name(y + "ledger"));
            }
            runFacts.add(population);
            runFacts.add(needs);
            workforce = continuing.union(hired);
        }

        DataStream<RunEvaluation> evaluation = WholeInput.gather(union(runFacts),
                new EvaluateRun(p, runRecord(started, env.getParallelism())), TypeInformation.of(RunEvaluation.class),
                "evaluate run: needs, summary, checks");
        marts.put("needs, summary, checks · ", evaluation.flatMap(new EvaluationRows()).returns(martType).name("needs, summary and check rows")
                .setParallelism(1));
        DataStream<PublishDecision> decision = evaluation.map(RunEvaluation::decision)
                .returns(PublishDecision.class).name("publish decision").setParallelism(1);

        // One sink per producer, so each is chained to the operator that makes its rows.
        RunPublication<MartRecord> publication = new RunPublication<>(settings.warehouse(),
                settings.config().scenarioId(), settings.runId(), ProjectionMartBinding.catalog(), settings.failAfterCommit());
        MartSinkGroup<MartRecord> sinks = new MartSinkGroup<>(ProjectionMartBinding.catalog(), publication, decision);
        marts.forEach((label, producerRows) -> producerRows.sinkTo(sinks.sink()).name(label + "write marts")
                .setParallelism(producerRows.getParallelism()));
    }

    private static <T> DataStream<YearFact> count(DataStream<T> stream, CensusCount.Field field) {
        return stream.fullWindowPartition().aggregate(new CensusCount<T>(field))
                .returns(TypeInformation.of(YearFact.class)).name("census · count " + field.name().toLowerCase());
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        return streams.get(0).union(streams.subList(1, streams.size()).toArray(new DataStream[0]));
    }

    private RunRecord runRecord(Instant started, int parallelism) {
        return RunRecord.started("flink", 0, parallelism, started, settings.censusDescription(),
                settings.config().describe(), settings.assumptions().fingerprints(), settings.config().scenarioId(),
                settings.runId());
    }
}
