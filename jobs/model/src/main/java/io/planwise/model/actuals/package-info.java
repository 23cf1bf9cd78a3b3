/**
 * Actuals: what really happened to the workforce, from the HR events outbox, as plain Java. An
 * {@link io.planwise.model.actuals.HrEvent} is applied to its employee's
 * {@link io.planwise.model.actuals.EmployeeStanding} by {@link io.planwise.model.actuals.EmployeeHistory},
 * which either accepts it (a validated event and the monthly workforce movements it causes) or
 * quarantines it with a reason. The Flink job keeps one standing per employee in keyed state.
 */
package io.planwise.model.actuals;
