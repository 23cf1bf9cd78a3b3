package io.planwise.model.projection;

import io.planwise.model.mart.WorkforceSnapshot;
import io.planwise.model.mart.YearlyEvent;
import java.util.List;

/** Where one employee's year goes: its events (in event order), its snapshot row, and, if still active, next year's start. */
public interface OutcomeSink {
    void employeeYear(List<YearlyEvent> events, WorkforceSnapshot snapshot, Employee nextYear);
}
