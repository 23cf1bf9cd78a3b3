package io.planwise.projection;

import io.planwise.connector.mart.PublishDecision;
import io.planwise.model.census.CensusAccounting;
import io.planwise.model.census.CensusIssueTally;
import io.planwise.model.mart.QualityCheck;
import io.planwise.warehouse.contract.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At parallelism 1, after every trial: merges the census accounting, the census issues by reason,
 * one verdict per trial task and the ensemble's checks into the run record, and decides whether
 * the run may be published (every trial's checks and every ensemble check passed, and every trial
 * reported). The record is what {@code _run.json} will hold.
 */
final class EvaluateRun implements MapPartitionFunction<RunFact, PublishDecision> {
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private final RunRecord started;
    private final int trials;

    EvaluateRun(RunRecord started, int trials) {
        this.started = started;
        this.trials = trials;
    }

    @Override
    public void mapPartition(Iterable<RunFact> facts, Collector<PublishDecision> out) {
        CensusAccounting census = CensusAccounting.NONE;
        CensusIssueTally issues = new CensusIssueTally();
        TrialVerdicts verdicts = new TrialVerdicts();
        List<QualityCheck> ensembleChecks = new ArrayList<>();
        for (RunFact f : facts) {
            if (f.census() != null) {
                census = census.plus(f.census());
            } else if (f.censusIssues() != null) {
                issues.merge(f.censusIssues());
            } else if (f.verdicts() != null) {
                verdicts.absorb(f.verdicts());
            } else {
                ensembleChecks.add(f.ensembleCheck());
            }
        }
        ensembleChecks.sort(Comparator.comparingInt(QualityCheck::simulationYear)
                .thenComparingInt(c -> io.planwise.model.ensemble.EnsembleChecks.NAMES.indexOf(c.checkName())));
        List<RunRecord.CheckOutcome> checks = new ArrayList<>(
                verdicts.trialZeroChecks == null ? List.of() : verdicts.trialZeroChecks);
        ensembleChecks.forEach(c -> checks.add(TrialVerdicts.outcome(c)));
        RunRecord record = started.evaluated(
                new RunRecord.CensusCounts(census.rowsRead(), census.baseline(), census.terminatedBeforeStart(),
                        census.notYetHired(), census.rejected(), census.warnings(), issues.entries().stream()
                        .map(e -> new RunRecord.IssueTally(e.severity(), e.reason(), e.rows(), e.exampleRowNumber(),
                                e.exampleDetail(), e.exampleRawRow())).toList()),
                verdicts.trialZeroYears == null ? List.of() : verdicts.trialZeroYears, checks);

        List<String> failures = new ArrayList<>(verdicts.failureLines());
        if (verdicts.trials != trials) {
            failures.add(verdicts.trials + " of " + trials + " trials reported");
        }
        ensembleChecks.stream().filter(c -> !c.passed())
                .forEach(c -> failures.add(c.simulationYear() + " " + c.checkName() + ": " + c.detail()));
        PROGRESS.info("checks: {} of {} trials passed every check{}", verdicts.trials - verdicts.failingTrials, trials,
                ensembleChecks.isEmpty() ? "" : ", ensemble checks " + (ensembleChecks.stream().allMatch(QualityCheck::passed)
                        ? "passed" : "failed"));
        out.collect(new PublishDecision(failures.isEmpty(),
                failures.isEmpty() ? null : "invariant checks failed: " + String.join("; ", failures), record));
    }
}
