package io.planwise.projection;

import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import io.planwise.model.projection.Employee;
import io.planwise.model.projection.OutcomeSink;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends an employee-year to Flink: rows to the marts side output, next year's employee to the
 * main output, and counts to the year's metrics (visible in the dashboard and its REST API as
 * {@code year.<Y>.employees}, {@code year.<Y>.events_<type>}).
 */
final class MartOutcomeSink implements OutcomeSink {
    static final OutputTag<MartRecord> MARTS = new OutputTag<>("marts") {};

    private final Counter employees;
    private final Counter hires;
    private final Counter promotions;
    private final Counter raises;
    private final Counter terminations;
    private Collector<Employee> next;
    private Consumer<MartRecord> marts;

    MartOutcomeSink(MetricGroup operatorMetrics, int year) {
        MetricGroup g = operatorMetrics.addGroup("year", Integer.toString(year));
        employees = g.counter("employees");
        hires = g.counter("events_hire");
        promotions = g.counter("events_promotion");
        raises = g.counter("events_raise");
        terminations = g.counter("events_termination");
    }

    MartOutcomeSink bind(Collector<Employee> next, Consumer<MartRecord> marts) {
        this.next = next;
        this.marts = marts;
        return this;
    }

    @Override
    public void employeeYear(List<YearlyEvent> events, WorkforceSnapshot snapshot, Employee nextYear) {
        employees.inc();
        for (YearlyEvent e : events) {
            switch (e.eventType()) {
                case YearlyEvent.HIRE -> hires.inc();
                case YearlyEvent.PROMOTION -> promotions.inc();
                case YearlyEvent.RAISE -> raises.inc();
                default -> terminations.inc();
            }
            marts.accept(MartRecord.of(e));
        }
        marts.accept(MartRecord.of(snapshot));
        if (nextYear != null) {
            next.collect(nextYear);
        }
    }
}
