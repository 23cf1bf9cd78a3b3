package io.planwise.projection;

import io.planwise.model.census.CensusBucket;
import io.planwise.model.census.CensusCandidate;
import io.planwise.model.mart.CensusIssue;
import io.planwise.model.draw.EmployeeKey;
import io.planwise.model.projection.BaselineEmployee;
import io.planwise.model.projection.ProjectionParameters;
import java.time.LocalDate;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Puts each surviving census row in its bucket. Baseline rows become year-1 employees (level from
 * salary; key(id) computed once for every trial); the other buckets are only counted; warnings are listed for every kept row.
 */
final class AssignBaseline extends ProcessFunction<CensusCandidate, BaselineEmployee> {
    static final OutputTag<CensusIssue> WARNINGS = new OutputTag<>("census-warnings") {};
    static final OutputTag<CensusBucket> OUTSIDE_WORKFORCE = new OutputTag<>("census-outside-workforce") {};

    private final ProjectionParameters p;
    private final LocalDate asOf;

    AssignBaseline(ProjectionParameters p, LocalDate asOf) {
        this.p = p;
        this.asOf = asOf;
    }

    @Override
    public void processElement(CensusCandidate row, Context ctx, Collector<BaselineEmployee> out) {
        if (row.warnings() != null) {
            for (String warning : row.warnings().split(";")) {
                ctx.output(WARNINGS, new CensusIssue(p.scenarioId, p.trial, p.startYear, row.source(), row.rowNumber(),
                        row.employeeId(), CensusIssue.WARNING, warning, null, row.raw()));
            }
        }
        CensusBucket bucket = row.bucket(asOf);
        if (bucket == CensusBucket.BASELINE) {
            out.collect(new BaselineEmployee(row.employeeId(), EmployeeKey.of(row.employeeId()), row.birthDate(),
                    row.hireDate(), row.compensationCents(), p.levelForSalary(row.compensationCents())));
        } else {
            ctx.output(OUTSIDE_WORKFORCE, bucket);
        }
    }
}
