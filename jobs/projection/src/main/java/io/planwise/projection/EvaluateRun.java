package io.planwise.projection;

import io.planwise.connector.mart.PublishDecision;
import io.planwise.model.census.CensusAccounting;
import io.planwise.model.census.CensusIssueTally;
import io.planwise.model.projection.NeedsPlan;
import io.planwise.model.projection.Population;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.RunChecks;
import io.planwise.model.projection.RunLedger;
import io.planwise.warehouse.contract.RunRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At parallelism 1, after every year: gathers census accounting, populations, needs and the
 * ledgers, builds the needs and summary marts, evaluates the invariants, and decides whether the
 * run may be published. The run record it completes is what {@code _run.json} will hold.
 */
final class EvaluateRun implements MapPartitionFunction<YearFact, RunEvaluation> {
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private final ProjectionParameters p;
    private final RunRecord started;

    EvaluateRun(ProjectionParameters p, RunRecord started) {
        this.p = p;
        this.started = started;
    }

    @Override
    public void mapPartition(Iterable<YearFact> facts, Collector<RunEvaluation> out) throws Exception {
        RunLedger ledger = new RunLedger(p);
        Map<Integer, NeedsPlan> needs = new TreeMap<>();
        Map<Integer, Population> populations = new TreeMap<>();
        CensusAccounting census = CensusAccounting.NONE;
        CensusIssueTally issues = new CensusIssueTally();
        for (YearFact f : facts) {
            if (f.ledger() != null) {
                ledger = ledger.merge(f.ledger());
            } else if (f.needs() != null) {
                needs.put(f.year(), f.needs());
            } else if (f.population() != null) {
                populations.put(f.year(), f.population());
            } else if (f.census() != null) {
                census = census.plus(f.census());
            } else if (f.censusIssues() != null) {
                issues.merge(f.censusIssues());
            }
        }
        RunChecks checks = new RunChecks(p, ledger, needs, populations, census);
        List<MartRecord> rows = new ArrayList<>();
        checks.needsRows().forEach(r -> rows.add(MartRecord.of(r)));
        checks.summaryRows().forEach(r -> rows.add(MartRecord.of(r)));
        checks.checks().forEach(r -> rows.add(MartRecord.of(r)));

        RunLedger totals = ledger;
        RunRecord record = started.evaluated(
                new RunRecord.CensusCounts(census.rowsRead(), census.baseline(), census.terminatedBeforeStart(),
                        census.notYetHired(), census.rejected(), census.warnings(), issues.entries().stream()
                        .map(e -> new RunRecord.IssueTally(e.severity(), e.reason(), e.rows(), e.exampleRowNumber(),
                                e.exampleDetail(), e.exampleRawRow())).toList()),
                checks.needsRows().stream().map(n -> new RunRecord.YearFigures(n.simulationYear(), n.startingWorkforce(),
                        n.experiencedTerminations(), n.hires(), n.newHireTerminations(), n.rifTerminations(),
                        n.endingWorkforce(), BigDecimal.valueOf(totals.endingPayrollCents(n.simulationYear()), 2))).toList(),
                checks.checks().stream().map(c -> new RunRecord.CheckOutcome(c.simulationYear(), c.checkName(), c.passed(),
                        c.detail())).toList());
        List<String> failures = checks.failures();
        PROGRESS.info("checks: {} of {} passed", checks.checks().size() - failures.size(), checks.checks().size());
        out.collect(new RunEvaluation(rows, new PublishDecision(failures.isEmpty(),
                failures.isEmpty() ? null : "invariant checks failed: " + String.join("; ", failures),
                record)));
    }
}
