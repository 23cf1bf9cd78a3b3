package io.planwise.model.census;

import io.planwise.model.draw.Mix64;
import io.planwise.model.draw.RandomDraws;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * A realistic synthetic census in PlanWise's column layout, for demos, tests and benchmarks:
 * ages 22 to 64 weighted towards mid-career, tenure shaped by age, a level pyramid (about 55%
 * staff down to 2% VPs) and salaries spread within each level's band, plus a few terminated
 * former employees. The same (employees, seed, asOf) always gives the same file.
 */
public final class SyntheticCensus {
    private static final long[] LEVEL_MIN = {56_000, 81_000, 121_000, 161_000, 275_000};
    private static final long[] LEVEL_MAX = {80_000, 120_000, 160_000, 300_000, 500_000};
    private static final int[] LEVEL_SHARE_PER_MILLE = {550, 270, 110, 50, 20};
    private static final String HEADER = "employee_id,employee_ssn,employee_birth_date,employee_hire_date,"
            + "employee_termination_date,employee_gross_compensation,active";

    private final long seed;
    private final LocalDate asOf;

    public SyntheticCensus(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
    }

    /** One generated employee, in PlanWise's census columns. terminationDate is null for actives. */
    public record Row(String employeeId, String ssn, LocalDate birthDate, LocalDate hireDate, LocalDate terminationDate,
            long compensationCents, boolean active) {}

    public void writeCsv(long employees, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (Row r : rows(employees)) {
            line.setLength(0);
            line.append(r.employeeId()).append(',').append(r.ssn()).append(',').append(r.birthDate()).append(',')
                    .append(r.hireDate()).append(',').append(r.terminationDate() == null ? "" : r.terminationDate())
                    .append(',').append(java.math.BigDecimal.valueOf(r.compensationCents(), 2).toPlainString())
                    .append(',').append(r.active()).append('\n');
            out.append(line);
        }
    }

    /** The rows, generated lazily in id order. */
    public Iterable<Row> rows(long employees) {
        return () -> new java.util.Iterator<>() {
            private long next = 1;

            @Override
            public boolean hasNext() {
                return next <= employees;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return row(next++);
            }
        };
    }

    private long draw(long i, int stream) {
        return Mix64.mix(Mix64.mix(seed ^ Mix64.mix(i)) ^ stream);
    }

    private Row row(long i) {
        String id = String.format("EMP_%06d", i);
        int age = 22 + (int) ((RandomDraws.below(draw(i, 1), 43) + RandomDraws.below(draw(i, 2), 43)) / 2);
        LocalDate birth = asOf.minusYears(age).minusDays(RandomDraws.below(draw(i, 3), 365));
        int maxTenure = Math.max(0, age - 21);
        int tenure = (int) Math.min(maxTenure, RandomDraws.below(draw(i, 4), maxTenure + 1) * RandomDraws.below(draw(i, 5), 100) / 100);
        LocalDate hire = asOf.minusYears(tenure).minusDays(RandomDraws.below(draw(i, 6), 360));
        int level = 0;
        long r = RandomDraws.below(draw(i, 7), 1000);
        for (long c = LEVEL_SHARE_PER_MILLE[0]; r >= c && level < 4; c += LEVEL_SHARE_PER_MILLE[++level]) {
            // walk the pyramid
        }
        long span = LEVEL_MAX[level] - LEVEL_MIN[level];
        long dollars = LEVEL_MIN[level] + RandomDraws.below(draw(i, 8), span);
        LocalDate termination = null;
        if (RandomDraws.below(draw(i, 9), 100) < 3) {
            termination = asOf.minusDays(1 + RandomDraws.below(draw(i, 10), 300));
            if (!termination.isAfter(hire)) {
                termination = hire.plusDays(1).isAfter(asOf) ? asOf : hire.plusDays(1);
            }
        }
        return new Row(id, String.format("999-%02d-%04d", i % 100, i % 10000), birth, hire, termination, dollars * 100,
                termination == null);
    }
}
