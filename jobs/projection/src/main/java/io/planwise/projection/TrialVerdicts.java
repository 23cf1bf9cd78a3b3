package io.planwise.projection;

import io.planwise.model.mart.QualityCheck;
import io.planwise.model.mart.WorkforceNeeds;
import io.planwise.model.mart.WorkforceSummary;
import io.planwise.model.projection.RunChecks;
import io.planwise.warehouse.contract.RunRecord;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks of some trials, merged: how many trials were checked, the failures of the lowest-numbered
 * failing trials (the run fails if there is any; a few name the problem), and trial 0's year figures
 * and checks, which the run record shows. Small whatever the number of trials, so each task folds its
 * trials into one and the evaluation merges one per task.
 */
public final class TrialVerdicts implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Failing trials named in the run's reason; the count says how many more there were. */
    static final int NAMED_FAILING_TRIALS = 5;

    long trials;
    long failingTrials;
    TreeMap<Integer, List<String>> failures = new TreeMap<>();
    List<RunRecord.YearFigures> trialZeroYears;
    List<RunRecord.CheckOutcome> trialZeroChecks;

    public TrialVerdicts() {}

    static TrialVerdicts of(int trial, RunChecks checks) {
        TrialVerdicts v = new TrialVerdicts();
        v.trials = 1;
        List<String> failed = checks.failures();
        if (!failed.isEmpty()) {
            v.failingTrials = 1;
            v.failures.put(trial, failed);
        }
        if (trial == 0) {
            Map<Integer, Long> payroll = new TreeMap<>();
            for (WorkforceSummary s : checks.summaryRows()) {
                payroll.merge(s.simulationYear(), s.endingTotalCompensationCents(), Long::sum);
            }
            v.trialZeroYears = new ArrayList<>();
            for (WorkforceNeeds n : checks.needsRows()) {
                v.trialZeroYears.add(new RunRecord.YearFigures(n.simulationYear(), n.startingWorkforce(),
                        n.experiencedTerminations(), n.hires(), n.newHireTerminations(), n.rifTerminations(),
                        n.endingWorkforce(), BigDecimal.valueOf(payroll.getOrDefault(n.simulationYear(), 0L), 2)));
            }
            v.trialZeroChecks = new ArrayList<>();
            for (QualityCheck c : checks.checks()) {
                v.trialZeroChecks.add(outcome(c));
            }
        }
        return v;
    }

    static RunRecord.CheckOutcome outcome(QualityCheck c) {
        return new RunRecord.CheckOutcome(c.simulationYear(), c.checkName(), c.passed(), c.detail());
    }

    /** Adds other's trials to these, in place (Flink's partition aggregate keeps its first accumulator). */
    TrialVerdicts absorb(TrialVerdicts other) {
        trials += other.trials;
        failingTrials += other.failingTrials;
        failures.putAll(other.failures);
        while (failures.size() > NAMED_FAILING_TRIALS) {
            failures.pollLastEntry();
        }
        trialZeroYears = trialZeroYears != null ? trialZeroYears : other.trialZeroYears;
        trialZeroChecks = trialZeroChecks != null ? trialZeroChecks : other.trialZeroChecks;
        return this;
    }

    /** The failures as the run's reason names them: {@code trial <t>: <year> <check>: <detail>}. */
    List<String> failureLines() {
        List<String> lines = new ArrayList<>();
        failures.forEach((trial, failed) -> failed.forEach(f -> lines.add("trial " + trial + ": " + f)));
        if (failingTrials > failures.size()) {
            lines.add((failingTrials - failures.size()) + " more failing trials");
        }
        return lines;
    }
}
