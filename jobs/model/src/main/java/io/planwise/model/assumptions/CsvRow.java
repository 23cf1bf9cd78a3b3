package io.planwise.model.assumptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * One data row of a {@link CsvTable}, with typed access that reports bad values by file, line and
 * column. Numbers are parsed as exact decimals (never via a double) so that weights scaled by 10^6
 * come out as the integers the SQL engine computes from the same text.
 */
final class CsvRow {
    private static final BigDecimal ONE_MILLION = BigDecimal.valueOf(1_000_000);

    private final CsvTable table;
    private final int line;
    private final List<String> fields;

    CsvRow(CsvTable table, int line, List<String> fields) {
        this.table = table;
        this.line = line;
        this.fields = fields;
    }

    int line() {
        return line;
    }

    String text(String column) {
        return fields.get(table.index(column));
    }

    /** Non-blank text. */
    String key(String column) {
        String value = text(column);
        if (value.isBlank()) {
            throw error(column, "the value is missing");
        }
        return value;
    }

    BigDecimal decimal(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw error(column, "the value is missing; a number is required");
        }
        try {
            BigDecimal number = new BigDecimal(value);
            // Huge exponents parse but are no sensible assumption and make scaling explode.
            if (number.precision() - number.scale() > 18 || number.scale() > 18) {
                throw error(column, "'" + value + "' is out of any usable range");
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(column, "'" + value + "' is not a number");
        }
    }

    int integer(String column) {
        BigDecimal value = decimal(column);
        if (value.stripTrailingZeros().scale() > 0) {
            throw error(column, "'" + text(column) + "' is not a whole number");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw error(column, "'" + text(column) + "' is too large");
        }
    }

    BigDecimal nonNegative(String column) {
        BigDecimal value = decimal(column);
        if (value.signum() < 0) {
            throw error(column, "'" + text(column) + "' is negative; it must be at least 0");
        }
        return value;
    }

    BigDecimal probability(String column) {
        BigDecimal value = decimal(column);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw error(column, "'" + text(column) + "' is outside [0, 1]");
        }
        return value;
    }

    BigDecimal inRange(String column, BigDecimal min, BigDecimal max) {
        BigDecimal value = decimal(column);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw error(column, "'" + text(column) + "' is outside ["
                    + min.toPlainString() + ", " + max.toPlainString() + "]");
        }
        return value;
    }

    /** round(value × 10^6), half away from zero: the integer weights of MODEL.md section 3. */
    static long micros(BigDecimal value) {
        return value.multiply(ONE_MILLION).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** true/false (any case) or 1/0, as DuckDB reads PlanWise's boolean columns. */
    boolean bool(String column) {
        String value = text(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw error(column, "'" + text(column) + "' is not true or false");
        };
    }

    AssumptionsException error(String column, String problem) {
        return new AssumptionsException(table.file(), line, column, problem);
    }
}
