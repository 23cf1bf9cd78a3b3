package io.planwise.model.projection;

import io.planwise.model.assumptions.Assumptions;
import io.planwise.model.census.SyntheticCensus;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.draw.EmployeeKey;
import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Shared builders for the projection tests: parameters from YAML text and the bundled seeds. */
final class Fixtures {
    private Fixtures() {}

    /** Parameters for a one-year 2025 scenario with the given extra YAML (indented sections allowed). */
    static ProjectionParameters params(String yaml) {
        return new ProjectionParameters(ScenarioConfig.parse(yaml, "test.yaml"), Assumptions.bundledDefaults(), 0);
    }

    static ProjectionParameters params(String yaml, Assumptions assumptions) {
        return new ProjectionParameters(ScenarioConfig.parse(yaml, "test.yaml"), assumptions, 0);
    }

    static Employee employee(ProjectionParameters p, String id, LocalDate birth, LocalDate hire, long salaryCents,
            int level) {
        return new Employee(id, p.draws.employeeBase(id), birth, hire, salaryCents, level);
    }

    /** Population of five bundled levels with the given headcount by level index. */
    /** The active employees of a synthetic census as of 2024-12-31, staged for a trial of p. */
    static List<BaselineEmployee> baseline(ProjectionParameters p, long seed, int employees) {
        List<BaselineEmployee> all = new ArrayList<>();
        for (SyntheticCensus.Row r : new SyntheticCensus(seed, LocalDate.of(2024, 12, 31)).rows(employees)) {
            if (r.terminationDate() == null && !r.hireDate().isAfter(LocalDate.of(2024, 12, 31))) {
                long cents = r.compensationCents();
                all.add(new BaselineEmployee(r.employeeId(), EmployeeKey.of(r.employeeId()), r.birthDate(), r.hireDate(),
                        cents, p.levelForSalary(cents)));
            }
        }
        return all;
    }

    /** A detail trial's rows, kept in memory in the order they were given. */
    static final class Rows implements TrialProjection.DetailRows {
        final List<YearlyEvent> events = new ArrayList<>();
        final List<WorkforceSnapshot> snapshots = new ArrayList<>();

        @Override
        public void event(YearlyEvent e) {
            events.add(e);
        }

        @Override
        public void snapshot(WorkforceSnapshot s) {
            snapshots.add(s);
        }
    }

    static Population population(long headcount, long totalWeight, long... byLevel) {
        return new Population(headcount, totalWeight, byLevel);
    }

    /** round(numerator / denominator) half away from zero, computed independently of Cents with BigDecimal. */
    static long roundedQuotient(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Days from {@code from} to {@code to}, both inclusive. */
    static long daysInclusive(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** An OutcomeSink that keeps every call. */
    static final class Capture implements OutcomeSink {
        final List<List<YearlyEvent>> events = new ArrayList<>();
        final List<WorkforceSnapshot> snapshots = new ArrayList<>();
        final List<Employee> next = new ArrayList<>();

        @Override
        public void employeeYear(List<YearlyEvent> events, WorkforceSnapshot snapshot, Employee nextYear) {
            this.events.add(List.copyOf(events));
            this.snapshots.add(snapshot);
            this.next.add(nextYear);
        }

        List<YearlyEvent> onlyEvents() {
            if (events.size() != 1) {
                throw new AssertionError("expected exactly one employeeYear call, got " + events.size());
            }
            return events.get(0);
        }

        WorkforceSnapshot onlySnapshot() {
            onlyEvents();
            return snapshots.get(0);
        }

        Employee onlyNext() {
            onlyEvents();
            return next.get(0);
        }
    }
}
