package io.planwise.actuals;

import io.planwise.connector.rows.RowDecoder;
import io.planwise.connector.rows.RowFormatException;
import io.planwise.model.actuals.HrEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an outbox row, as text, into an {@link HrEvent}. A value that cannot be read (a salary
 * with fractions of a cent, a date PostgreSQL writes but Java does not, such as {@code infinity})
 * does not fail the job: the event carries the problem and is quarantined as {@code invalid_value}.
 */
public final class HrEventDecoder implements RowDecoder<HrEvent> {
    private static final long serialVersionUID = 1L;
    static final List<String> COLUMNS = List.of("event_id", "employee_id", "event_type", "effective_date", "compensation",
            "level_id", "recorded_at");

    @Override
    public BoundDecoder<HrEvent> bind(String source, List<String> columns) throws RowFormatException {
        List<String> missing = new ArrayList<>();
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = columns.indexOf(COLUMNS.get(i));
            if (at[i] < 0) {
                missing.add(COLUMNS.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new RowFormatException(source + " lacks the outbox column(s) " + String.join(", ", missing));
        }
        return (rowNumber, values, fieldCount, raw) -> {
            List<String> problems = new ArrayList<>();
            LocalDate date = null;
            String dateText = values[at[3]];
            if (dateText != null) {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    problems.add("effective_date '" + dateText + "' is not a calendar date");
                }
            }
            Long cents = null;
            String amount = values[at[4]];
            if (amount != null) {
                try {
                    cents = new BigDecimal(amount).movePointRight(2).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add("compensation '" + amount + "' is not an amount in whole cents");
                }
            }
            Integer level = null;
            String levelText = values[at[5]];
            if (levelText != null) {
                try {
                    level = Integer.valueOf(levelText);
                } catch (NumberFormatException e) {
                    problems.add("level_id '" + levelText + "' is not a whole number");
                }
            }
            return new HrEvent(Long.parseLong(values[at[0]]), values[at[1]], values[at[2]], date, cents, level, values[at[6]],
                    problems.isEmpty() ? null : String.join("; ", problems));
        };
    }
}
