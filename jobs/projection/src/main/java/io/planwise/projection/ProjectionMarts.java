package io.planwise.projection;

import static io.planwise.connector.mart.MartColumn.nullable;
import static io.planwise.connector.mart.MartColumn.required;
import static io.planwise.connector.mart.MartColumnType.BIGINT;
import static io.planwise.connector.mart.MartColumnType.BOOLEAN;
import static io.planwise.connector.mart.MartColumnType.DATE;
import static io.planwise.connector.mart.MartColumnType.DECIMAL_18_2;
import static io.planwise.connector.mart.MartColumnType.DOUBLE;
import static io.planwise.connector.mart.MartColumnType.INTEGER;
import static io.planwise.connector.mart.MartColumnType.VARCHAR;

import io.planwise.connector.mart.MartCatalog;
import io.planwise.connector.mart.MartSchema;
import java.util.List;

/** The marts of MODEL.md section 4 and their columns, in file order. */
public final class ProjectionMarts {
    public static final String EVENTS = "fct_yearly_events";
    public static final String SNAPSHOT = "fct_workforce_snapshot";
    public static final String NEEDS = "fct_workforce_needs";
    public static final String SUMMARY = "fct_workforce_summary";
    public static final String CENSUS_ISSUES = "dq_census_issues";
    public static final String CHECKS = "dq_checks";
    public static final String PARTITION_COLUMN = "simulation_year";

    private ProjectionMarts() {}

    public static MartCatalog<MartRecord> catalog() {
        return new MartCatalog<>(List.of(events(), snapshot(), needs(), summary(), censusIssues(), checks()),
                PARTITION_COLUMN, new Router());
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
            return r.censusIssue() != null ? r.censusIssue().simulationYear() : r.check().simulationYear();
        }
    }

    static MartSchema<MartRecord> events() {
        return new MartSchema<>(EVENTS, List.of(
                required("scenario_id", VARCHAR, r -> r.event().scenarioId()),
                required("trial", INTEGER, r -> r.event().trial()),
                required("event_id", VARCHAR, r -> r.event().eventId()),
                required("employee_id", VARCHAR, r -> r.event().employeeId()),
                required("event_type", VARCHAR, r -> r.event().eventType()),
                required("event_category", VARCHAR, r -> r.event().eventCategory()),
                required("effective_date", DATE, r -> r.event().effectiveDate()),
                nullable("compensation_amount", DECIMAL_18_2, r -> r.event().compensationAmountCents()),
                nullable("previous_compensation", DECIMAL_18_2, r -> r.event().previousCompensationCents()),
                required("level_id", INTEGER, r -> r.event().levelId()),
                nullable("previous_level_id", INTEGER, r -> r.event().previousLevelId()),
                required("employee_age", INTEGER, r -> r.event().employeeAge()),
                required("employee_tenure", INTEGER, r -> r.event().employeeTenure()),
                required("age_band", VARCHAR, r -> r.event().ageBand()),
                required("tenure_band", VARCHAR, r -> r.event().tenureBand()),
                nullable("event_probability", DOUBLE, r -> r.event().eventProbability()),
                required("event_sequence", INTEGER, r -> r.event().eventSequence())));
    }

    static MartSchema<MartRecord> snapshot() {
        return new MartSchema<>(SNAPSHOT, List.of(
                required("scenario_id", VARCHAR, r -> r.snapshot().scenarioId()),
                required("trial", INTEGER, r -> r.snapshot().trial()),
                required("employee_id", VARCHAR, r -> r.snapshot().employeeId()),
                required("employee_birth_date", DATE, r -> r.snapshot().employeeBirthDate()),
                required("employee_hire_date", DATE, r -> r.snapshot().employeeHireDate()),
                required("employment_status", VARCHAR, r -> r.snapshot().employmentStatus()),
                required("detailed_status_code", VARCHAR, r -> r.snapshot().detailedStatusCode()),
                nullable("termination_date", DATE, r -> r.snapshot().terminationDate()),
                nullable("termination_reason", VARCHAR, r -> r.snapshot().terminationReason()),
                required("current_compensation", DECIMAL_18_2, r -> r.snapshot().currentCompensationCents()),
                required("prorated_annual_compensation", DECIMAL_18_2, r -> r.snapshot().proratedAnnualCompensationCents()),
                required("level_id", INTEGER, r -> r.snapshot().levelId()),
                required("current_age", INTEGER, r -> r.snapshot().currentAge()),
                required("current_tenure", INTEGER, r -> r.snapshot().currentTenure()),
                required("age_band", VARCHAR, r -> r.snapshot().ageBand()),
                required("tenure_band", VARCHAR, r -> r.snapshot().tenureBand())));
    }

    static MartSchema<MartRecord> needs() {
        return new MartSchema<>(NEEDS, List.of(
                required("scenario_id", VARCHAR, r -> r.needs().scenarioId()),
                required("trial", INTEGER, r -> r.needs().trial()),
                required("starting_workforce", BIGINT, r -> r.needs().startingWorkforce()),
                required("target_ending_workforce", BIGINT, r -> r.needs().targetEndingWorkforce()),
                required("experienced_terminations", BIGINT, r -> r.needs().experiencedTerminations()),
                required("hires", BIGINT, r -> r.needs().hires()),
                required("new_hire_terminations", BIGINT, r -> r.needs().newHireTerminations()),
                required("rif_terminations", BIGINT, r -> r.needs().rifTerminations()),
                required("ending_workforce", BIGINT, r -> r.needs().endingWorkforce()),
                nullable("termination_calibration", DOUBLE, r -> r.needs().terminationCalibration())));
    }

    static MartSchema<MartRecord> summary() {
        return new MartSchema<>(SUMMARY, List.of(
                required("scenario_id", VARCHAR, r -> r.summary().scenarioId()),
                required("trial", INTEGER, r -> r.summary().trial()),
                required("level_id", INTEGER, r -> r.summary().levelId()),
                required("starting_headcount", BIGINT, r -> r.summary().startingHeadcount()),
                required("experienced_terminations", BIGINT, r -> r.summary().experiencedTerminations()),
                required("new_hire_terminations", BIGINT, r -> r.summary().newHireTerminations()),
                required("rif_terminations", BIGINT, r -> r.summary().rifTerminations()),
                required("hires", BIGINT, r -> r.summary().hires()),
                required("promotions_in", BIGINT, r -> r.summary().promotionsIn()),
                required("promotions_out", BIGINT, r -> r.summary().promotionsOut()),
                required("ending_headcount", BIGINT, r -> r.summary().endingHeadcount()),
                required("ending_total_compensation", DECIMAL_18_2, r -> r.summary().endingTotalCompensationCents()),
                required("ending_avg_compensation", DECIMAL_18_2, r -> r.summary().endingAvgCompensationCents()),
                required("prorated_compensation_cost", DECIMAL_18_2, r -> r.summary().proratedCompensationCostCents())));
    }

    static MartSchema<MartRecord> censusIssues() {
        return new MartSchema<>(CENSUS_ISSUES, List.of(
                required("scenario_id", VARCHAR, r -> r.censusIssue().scenarioId()),
                required("trial", INTEGER, r -> r.censusIssue().trial()),
                required("source", VARCHAR, r -> r.censusIssue().source()),
                required("row_number", BIGINT, r -> r.censusIssue().rowNumber()),
                nullable("employee_id", VARCHAR, r -> r.censusIssue().employeeId()),
                required("severity", VARCHAR, r -> r.censusIssue().severity()),
                required("reason", VARCHAR, r -> r.censusIssue().reason()),
                nullable("detail", VARCHAR, r -> r.censusIssue().detail()),
                nullable("raw_row", VARCHAR, r -> r.censusIssue().rawRow())));
    }

    static MartSchema<MartRecord> checks() {
        return new MartSchema<>(CHECKS, List.of(
                required("scenario_id", VARCHAR, r -> r.check().scenarioId()),
                required("trial", INTEGER, r -> r.check().trial()),
                required("check_name", VARCHAR, r -> r.check().checkName()),
                required("passed", BOOLEAN, r -> r.check().passed()),
                nullable("detail", VARCHAR, r -> r.check().detail())));
    }
}
