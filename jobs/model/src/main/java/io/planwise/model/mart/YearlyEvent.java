package io.planwise.model.mart;

import java.time.LocalDate;

/**
 * A row of fct_yearly_events. compensation_amount is the salary after the event (for a
 * termination: the salary at termination); previous_compensation and previous_level_id are set
 * for promotions and raises only; event_probability for experienced terminations and
 * promotions only.
 */
public record YearlyEvent(
        String scenarioId,
        int trial,
        int simulationYear,
        String eventId,
        String employeeId,
        String eventType,
        String eventCategory,
        LocalDate effectiveDate,
        Long compensationAmountCents,
        Long previousCompensationCents,
        int levelId,
        Integer previousLevelId,
        int employeeAge,
        int employeeTenure,
        String ageBand,
        String tenureBand,
        Double eventProbability,
        int eventSequence) {

    public static final String HIRE = "hire";
    public static final String PROMOTION = "promotion";
    public static final String RAISE = "raise";
    public static final String TERMINATION = "termination";

    public static final String CATEGORY_HIRE = "hire";
    public static final String CATEGORY_PROMOTION = "promotion";
    public static final String CATEGORY_MERIT_COLA = "merit_cola";
    public static final String CATEGORY_EXPERIENCED_TERMINATION = "experienced_termination";
    public static final String CATEGORY_NEW_HIRE_TERMINATION = "new_hire_termination";
    public static final String CATEGORY_REDUCTION_IN_FORCE = "reduction_in_force";

    /** Event-id type codes of MODEL.md section 4. */
    public static int typeCode(String eventType) {
        return switch (eventType) {
            case HIRE -> 1;
            case PROMOTION -> 2;
            case RAISE -> 3;
            case TERMINATION -> 4;
            default -> throw new IllegalArgumentException("unknown event type " + eventType);
        };
    }
}
