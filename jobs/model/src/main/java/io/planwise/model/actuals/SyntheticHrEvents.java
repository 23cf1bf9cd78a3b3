package io.planwise.model.actuals;

import io.planwise.model.draw.Mix64;
import io.planwise.model.draw.RandomDraws;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plausible stream of valid HR events for demos and tests: hires (levels 1–5, salaries within
 * the synthetic census's bands), then a mix of hires (35%), terminations (15%), promotions (12%)
 * and compensation changes, spread evenly over a year from the start date. Every event is valid
 * against the history before it, employees are named {@code H<seed>-<n>} so streams of different
 * seeds never share an employee, and the same (seed, start, count) always gives the same events.
 */
public final class SyntheticHrEvents {
    private static final long[] LEVEL_MIN = {56_000, 81_000, 121_000, 161_000, 275_000};
    private static final long[] LEVEL_MAX = {80_000, 120_000, 160_000, 300_000, 500_000};
    private static final int[] LEVEL_SHARE_PER_MILLE = {550, 270, 110, 50, 20};
    public static final String CSV_HEADER = "employee_id,event_type,effective_date,compensation,level_id";

    private final long seed;
    private final LocalDate start;

    public SyntheticHrEvents(long seed, LocalDate start) {
        this.seed = seed;
        this.start = start;
    }

    /** A generated event, in the outbox's writer columns; compensation in cents. */
    public record Row(String employeeId, String eventType, LocalDate effectiveDate, long compensationCents, int levelId) {}

    private static final class Employee {
        final String id;
        int level;
        long cents;

        Employee(String id, int level, long cents) {
            this.id = id;
            this.level = level;
            this.cents = cents;
        }
    }

    public List<Row> events(int count) {
        List<Row> rows = new ArrayList<>(count);
        List<Employee> active = new ArrayList<>();
        int hired = 0;
        for (int i = 0; i < count; i++) {
            LocalDate date = start.plusDays((long) i * 365 / Math.max(1, count));
            long r = RandomDraws.below(draw(i, 1), 100);
            if (active.size() < 5 || r < 35) {
                Employee e = hire(++hired, i);
                active.add(e);
                rows.add(new Row(e.id, HrEvent.HIRE, date, e.cents, e.level));
                continue;
            }
            int k = (int) RandomDraws.below(draw(i, 2), active.size());
            Employee e = active.get(k);
            if (r < 50) {
                active.remove(k);
                rows.add(new Row(e.id, HrEvent.TERMINATION, date, e.cents, e.level));
            } else if (r < 62 && e.level < 5) {
                e.level++;
                e.cents = Math.max(e.cents * 110 / 100, LEVEL_MIN[e.level - 1] * 100);
                rows.add(new Row(e.id, HrEvent.PROMOTION, date, e.cents, e.level));
            } else {
                e.cents = e.cents * (100 + 1 + RandomDraws.below(draw(i, 3), 6)) / 100;
                rows.add(new Row(e.id, HrEvent.COMPENSATION_CHANGE, date, e.cents, e.level));
            }
        }
        return rows;
    }

    public void writeCsv(int count, Writer out) throws IOException {
        out.write(CSV_HEADER);
        out.write('\n');
        for (Row r : events(count)) {
            out.write(r.employeeId() + "," + r.eventType() + "," + r.effectiveDate() + ","
                    + BigDecimal.valueOf(r.compensationCents(), 2).toPlainString() + "," + r.levelId() + "\n");
        }
    }

    private Employee hire(int n, int i) {
        int level = 0;
        long r = RandomDraws.below(draw(i, 4), 1000);
        for (long c = LEVEL_SHARE_PER_MILLE[0]; r >= c && level < 4; c += LEVEL_SHARE_PER_MILLE[++level]) {
            // walk the pyramid
        }
        long dollars = LEVEL_MIN[level] + RandomDraws.below(draw(i, 5), LEVEL_MAX[level] - LEVEL_MIN[level]);
        return new Employee(String.format("H%d-%06d", seed, n), level + 1, dollars * 100);
    }

    private long draw(long i, int stream) {
        return Mix64.mix(Mix64.mix(seed ^ Mix64.mix(i)) ^ stream);
    }
}
