package io.planwise.model.actuals;

import io.planwise.model.census.CensusBucket;
import io.planwise.model.census.CensusCandidate;
import io.planwise.model.census.CensusRow;
import io.planwise.model.census.CensusStaging;
import io.planwise.model.census.StagedRow;
import io.planwise.model.projection.ProjectionParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The actual workforce the actuals job starts from: one {@code hire} event for every employee the
 * projection takes as its baseline from the same census, so plan and actual start from the same
 * people. The rules are the projection's, not a second copy of them: rows are staged by
 * {@link CensusStaging} against the scenario's as-of date, duplicates resolved by
 * {@link CensusCandidate#beats}, the bucket from {@link CensusCandidate#bucket} and the level from
 * the salary by {@link ProjectionParameters#levelForSalary}. Each event is dated at the employee's
 * hire date and carries the census salary, so the monthly mart's running headcount and payroll are
 * the census's at the as-of date and every later event (a promotion, a termination) applies to a
 * known employee. Every row is accounted for: hired, rejected with its reason, a duplicate, or
 * outside the workforce on the as-of date.
 */
public final class OpeningBalance {
    /** The hire event of one census employee. */
    public record OpeningHire(String employeeId, LocalDate hireDate, long compensationCents, int levelId) {}

    private final ProjectionParameters parameters;
    private final LocalDate asOf;
    private final Map<String, CensusCandidate> byEmployee = new HashMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private long rows;
    private long duplicates;

    public OpeningBalance(ProjectionParameters parameters, LocalDate asOf) {
        this.parameters = parameters;
        this.asOf = asOf;
    }

    public void add(CensusRow row) {
        rows++;
        StagedRow staged = CensusStaging.stage(row, asOf);
        if (staged.rejected()) {
            rejected.merge(staged.rejectReason(), 1L, Long::sum);
            return;
        }
        CensusCandidate candidate = staged.candidate();
        CensusCandidate seen = byEmployee.get(candidate.employeeId());
        if (seen != null) {
            duplicates++;
            if (!candidate.beats(seen)) {
                return;
            }
        }
        byEmployee.put(candidate.employeeId(), candidate);
    }

    /** The hire events, in employee_id order. */
    public List<OpeningHire> hires() {
        List<OpeningHire> hires = new ArrayList<>();
        for (CensusCandidate c : byEmployee.values()) {
            if (c.bucket(asOf) == CensusBucket.BASELINE) {
                hires.add(new OpeningHire(c.employeeId(), c.hireDate(), c.compensationCents(),
                        parameters.levelForSalary(c.compensationCents())));
            }
        }
        hires.sort(Comparator.comparing(OpeningHire::employeeId));
        return hires;
    }

    /** Where every census row went, e.g. "1,000 rows: 990 hires, 4 rejected (invalid_hire_date 4), 2 duplicates, …". */
    public String accounting() {
        Map<CensusBucket, Long> buckets = new EnumMap<>(CensusBucket.class);
        for (CensusCandidate c : byEmployee.values()) {
            buckets.merge(c.bucket(asOf), 1L, Long::sum);
        }
        StringJoiner s = new StringJoiner(", ", String.format("%,d rows: ", rows), "");
        s.add(String.format("%,d hires", buckets.getOrDefault(CensusBucket.BASELINE, 0L)));
        if (!rejected.isEmpty()) {
            StringJoiner reasons = new StringJoiner(", ");
            rejected.forEach((reason, n) -> reasons.add(reason + " " + String.format("%,d", n)));
            s.add(String.format("%,d rejected (%s)", rejected.values().stream().mapToLong(Long::longValue).sum(), reasons));
        }
        if (duplicates > 0) {
            s.add(String.format("%,d duplicate rows", duplicates));
        }
        buckets.forEach((bucket, n) -> {
            if (bucket != CensusBucket.BASELINE) {
                s.add(String.format("%,d %s", n, bucket.label));
            }
        });
        return s.toString();
    }

    public LocalDate asOf() {
        return asOf;
    }
}
