package io.planwise.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planwise.connector.mart.PublishDecision;
import io.planwise.model.census.CensusAccounting;
import io.planwise.model.mart.QualityCheck;
import io.planwise.model.projection.NeedsPlan;
import io.planwise.model.projection.Population;
import io.planwise.model.projection.ProjectionParameters;
import io.planwise.model.projection.RunChecks;
import io.planwise.model.projection.RunLedger;
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
 * run may be published. The run record it writes is what {@code _run.json} will hold.
 */
final class EvaluateRun implements MapPartitionFunction<YearFact, RunEvaluation> {
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.planwise.progress");

    private final ProjectionParameters p;
    private final String runRecordJson;

    EvaluateRun(ProjectionParameters p, String runRecordJson) {
        this.p = p;
        this.runRecordJson = runRecordJson;
    }

    @Override
    public void mapPartition(Iterable<YearFact> facts, Collector<RunEvaluation> out) throws Exception {
        RunLedger ledger = new RunLedger(p);
        Map<Integer, NeedsPlan> needs = new TreeMap<>();
        Map<Integer, Population> populations = new TreeMap<>();
        CensusAccounting census = CensusAccounting.NONE;
        for (YearFact f : facts) {
            if (f.ledger() != null) {
                ledger = ledger.merge(f.ledger());
            } else if (f.needs() != null) {
                needs.put(f.year(), f.needs());
            } else if (f.population() != null) {
                populations.put(f.year(), f.population());
            } else if (f.census() != null) {
                census = census.plus(f.census());
            }
        }
        RunChecks checks = new RunChecks(p, ledger, needs, populations, census);
        List<MartRecord> rows = new ArrayList<>();
        checks.needsRows().forEach(r -> rows.add(MartRecord.of(r)));
        checks.summaryRows().forEach(r -> rows.add(MartRecord.of(r)));
        checks.checks().forEach(r -> rows.add(MartRecord.of(r)));

        ObjectMapper json = new ObjectMapper();
        ObjectNode record = (ObjectNode) json.readTree(runRecordJson);
        ObjectNode counts = record.putObject("census");
        counts.put("rows_read", census.rowsRead()).put("baseline", census.baseline())
                .put("terminated_before_start", census.terminatedBeforeStart()).put("not_yet_hired", census.notYetHired())
                .put("rejected", census.rejected()).put("warnings", census.warnings());
        var years = record.putArray("years");
        RunLedger totals = ledger;
        checks.needsRows().forEach(n -> years.addObject().put("simulation_year", n.simulationYear())
                .put("starting_workforce", n.startingWorkforce()).put("experienced_terminations", n.experiencedTerminations())
                .put("hires", n.hires()).put("new_hire_terminations", n.newHireTerminations())
                .put("rif_terminations", n.rifTerminations()).put("ending_workforce", n.endingWorkforce())
                .put("ending_payroll", java.math.BigDecimal.valueOf(totals.endingPayrollCents(n.simulationYear()), 2)));
        var checkArray = record.putArray("checks");
        for (QualityCheck c : checks.checks()) {
            checkArray.addObject().put("simulation_year", c.simulationYear()).put("check", c.checkName())
                    .put("passed", c.passed()).put("detail", c.detail());
        }
        List<String> failures = checks.failures();
        PROGRESS.info("checks: {} of {} passed", checks.checks().size() - failures.size(), checks.checks().size());
        out.collect(new RunEvaluation(rows, new PublishDecision(failures.isEmpty(),
                failures.isEmpty() ? null : "invariant checks failed: " + String.join("; ", failures),
                json.writeValueAsString(record))));
    }
}
