package io.planwise.projection;

import io.planwise.connector.mart.MartCatalog;
import io.planwise.connector.mart.MartSchema;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.util.List;

/**
 * Binds the job's {@link MartRecord}s to the projection marts of the contract
 * ({@link ProjectionMarts}, where names, types and nullability are declared): one accessor per
 * contract column, in order.
 */
final class ProjectionMartBinding {
    private static final String EVENTS = ProjectionMarts.EVENTS.name();
    private static final String SNAPSHOT = ProjectionMarts.SNAPSHOT.name();
    private static final String NEEDS = ProjectionMarts.NEEDS.name();
    private static final String SUMMARY = ProjectionMarts.SUMMARY.name();
    private static final String CENSUS_ISSUES = ProjectionMarts.CENSUS_ISSUES.name();
    private static final String CHECKS = ProjectionMarts.CHECKS.name();
    private static final String BANDS = ProjectionMarts.BANDS.name();

    private ProjectionMartBinding() {}

    static MartCatalog<MartRecord> catalog() {
        return new MartCatalog<>(List.of(events(), snapshot(), needs(), summary(), censusIssues(), checks(),
                bands()), new Router());
    }

    private static final class Router implements MartCatalog.Router<MartRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public String mart(MartRecord r) {
            if (r.event() != null) {
                return EVENTS;
            }
            if (r.snapshot() != null) {
                return SNAPSHOT;
            }
            if (r.needs() != null) {
                return NEEDS;
            }
            if (r.summary() != null) {
                return SUMMARY;
            }
            if (r.band() != null) {
                return BANDS;
            }
            return r.censusIssue() != null ? CENSUS_ISSUES : CHECKS;
        }

        @Override
        public int partition(MartRecord r) {
            if (r.event() != null) {
                return r.event().simulationYear();
            }
            if (r.snapshot() != null) {
                return r.snapshot().simulationYear();
            }
            if (r.needs() != null) {
                return r.needs().simulationYear();
            }
            if (r.summary() != null) {
                return r.summary().simulationYear();
            }
            if (r.band() != null) {
                return r.band().simulationYear();
            }
            return r.censusIssue() != null ? r.censusIssue().simulationYear() : r.check().simulationYear();
        }

        @Override
        public boolean closesPartFiles(MartRecord r) {
            return r.yearWritten();
        }
    }

    static MartSchema<MartRecord> events() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.EVENTS)
                .column("scenario_id", r -> r.event().scenarioId())
                .column("trial", r -> r.event().trial())
                .column("event_id", r -> r.event().eventId())
                .column("employee_id", r -> r.event().employeeId())
                .column("event_type", r -> r.event().eventType())
                .column("event_category", r -> r.event().eventCategory())
                .column("effective_date", r -> r.event().effectiveDate())
                .column("compensation_amount", r -> r.event().compensationAmountCents())
                .column("previous_compensation", r -> r.event().previousCompensationCents())
                .column("level_id", r -> r.event().levelId())
                .column("previous_level_id", r -> r.event().previousLevelId())
                .column("employee_age", r -> r.event().employeeAge())
                .column("employee_tenure", r -> r.event().employeeTenure())
                .column("age_band", r -> r.event().ageBand())
                .column("tenure_band", r -> r.event().tenureBand())
                .column("event_probability", r -> r.event().eventProbability())
                .column("event_sequence", r -> r.event().eventSequence())
                .build();
    }

    static MartSchema<MartRecord> snapshot() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.SNAPSHOT)
                .column("scenario_id", r -> r.snapshot().scenarioId())
                .column("trial", r -> r.snapshot().trial())
                .column("employee_id", r -> r.snapshot().employeeId())
                .column("employee_birth_date", r -> r.snapshot().employeeBirthDate())
                .column("employee_hire_date", r -> r.snapshot().employeeHireDate())
                .column("employment_status", r -> r.snapshot().employmentStatus())
                .column("detailed_status_code", r -> r.snapshot().detailedStatusCode())
                .column("termination_date", r -> r.snapshot().terminationDate())
                .column("termination_reason", r -> r.snapshot().terminationReason())
                .column("current_compensation", r -> r.snapshot().currentCompensationCents())
                .column("prorated_annual_compensation", r -> r.snapshot().proratedAnnualCompensationCents())
                .column("level_id", r -> r.snapshot().levelId())
                .column("current_age", r -> r.snapshot().currentAge())
                .column("current_tenure", r -> r.snapshot().currentTenure())
                .column("age_band", r -> r.snapshot().ageBand())
                .column("tenure_band", r -> r.snapshot().tenureBand())
                .build();
    }

    static MartSchema<MartRecord> needs() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.NEEDS)
                .column("scenario_id", r -> r.needs().scenarioId())
                .column("trial", r -> r.needs().trial())
                .column("starting_workforce", r -> r.needs().startingWorkforce())
                .column("target_ending_workforce", r -> r.needs().targetEndingWorkforce())
                .column("experienced_terminations", r -> r.needs().experiencedTerminations())
                .column("hires", r -> r.needs().hires())
                .column("new_hire_terminations", r -> r.needs().newHireTerminations())
                .column("rif_terminations", r -> r.needs().rifTerminations())
                .column("ending_workforce", r -> r.needs().endingWorkforce())
                .column("termination_calibration", r -> r.needs().terminationCalibration())
                .build();
    }

    static MartSchema<MartRecord> summary() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.SUMMARY)
                .column("scenario_id", r -> r.summary().scenarioId())
                .column("trial", r -> r.summary().trial())
                .column("level_id", r -> r.summary().levelId())
                .column("starting_headcount", r -> r.summary().startingHeadcount())
                .column("experienced_terminations", r -> r.summary().experiencedTerminations())
                .column("new_hire_terminations", r -> r.summary().newHireTerminations())
                .column("rif_terminations", r -> r.summary().rifTerminations())
                .column("hires", r -> r.summary().hires())
                .column("promotions_in", r -> r.summary().promotionsIn())
                .column("promotions_out", r -> r.summary().promotionsOut())
                .column("ending_headcount", r -> r.summary().endingHeadcount())
                .column("ending_total_compensation", r -> r.summary().endingTotalCompensationCents())
                .column("ending_avg_compensation", r -> r.summary().endingAvgCompensationCents())
                .column("prorated_compensation_cost", r -> r.summary().proratedCompensationCostCents())
                .build();
    }

    static MartSchema<MartRecord> censusIssues() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.CENSUS_ISSUES)
                .column("scenario_id", r -> r.censusIssue().scenarioId())
                .column("trial", r -> r.censusIssue().trial())
                .column("source", r -> r.censusIssue().source())
                .column("row_number", r -> r.censusIssue().rowNumber())
                .column("employee_id", r -> r.censusIssue().employeeId())
                .column("severity", r -> r.censusIssue().severity())
                .column("reason", r -> r.censusIssue().reason())
                .column("detail", r -> r.censusIssue().detail())
                .column("raw_row", r -> r.censusIssue().rawRow())
                .build();
    }

    static MartSchema<MartRecord> checks() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.CHECKS)
                .column("scenario_id", r -> r.check().scenarioId())
                .column("trial", r -> r.check().trial())
                .column("check_name", r -> r.check().checkName())
                .column("passed", r -> r.check().passed())
                .column("detail", r -> r.check().detail())
                .build();
    }

    static MartSchema<MartRecord> bands() {
        return MartSchema.<MartRecord>bind(ProjectionMarts.BANDS)
                .column("scenario_id", r -> r.band().scenarioId())
                .column("level_id", r -> r.band().levelId())
                .column("metric", r -> r.band().metric())
                .column("n_trials", r -> r.band().nTrials())
                .column("is_sufficient", r -> r.band().isSufficient())
                .column("mean", r -> r.band().mean())
                .column("sd", r -> r.band().sd())
                .column("min", r -> r.band().min())
                .column("p5", r -> r.band().p5())
                .column("p10", r -> r.band().p10())
                .column("p25", r -> r.band().p25())
                .column("p50", r -> r.band().p50())
                .column("p75", r -> r.band().p75())
                .column("p90", r -> r.band().p90())
                .column("p95", r -> r.band().p95())
                .column("max", r -> r.band().max())
                .build();
    }
}
