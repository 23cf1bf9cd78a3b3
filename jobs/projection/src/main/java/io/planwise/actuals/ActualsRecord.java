package io.planwise.actuals;

import io.planwise.model.actuals.ActualEvent;
import io.planwise.model.actuals.QuarantinedHrEvent;
import io.planwise.model.actuals.WorkforceMovement;

/** A row of any actuals mart on its way to the job's streaming mart sink: exactly one field is set. */
public record ActualsRecord(ActualEvent event, WorkforceMovement movement, QuarantinedHrEvent quarantined) {

    public static ActualsRecord of(ActualEvent e) {
        return new ActualsRecord(e, null, null);
    }

    public static ActualsRecord of(WorkforceMovement m) {
        return new ActualsRecord(null, m, null);
    }

    public static ActualsRecord of(QuarantinedHrEvent q) {
        return new ActualsRecord(null, null, q);
    }
}
