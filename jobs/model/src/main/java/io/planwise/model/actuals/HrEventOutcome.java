package io.planwise.model.actuals;

import java.util.List;

/**
 * What applying one event gave: either it was accepted (the employee's new standing, the validated
 * event and its movements) or quarantined (the standing is unchanged).
 */
public record HrEventOutcome(EmployeeStanding standing, ActualEvent accepted, List<WorkforceMovement> movements,
        QuarantinedHrEvent quarantined) {

    public HrEventOutcome {
        movements = List.copyOf(movements);
    }

    public boolean isAccepted() {
        return accepted != null;
    }
}
