package io.planwise.model.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a scenario key holds, as planners write it in the YAML and as the model keeps it. Every
 * number stays an exact {@link BigDecimal} from the YAML text on; the type only decides how it is
 * read (whole number or not) and how it appears in the run record ({@link #describe}).
 */
public enum KeyType {
    /** A safe name: it becomes part of directory names and SQL literals. */
    ID("id"),
    /** A whole number that fits an {@code int}; described as {@link Integer}. */
    INTEGER("integer"),
    /** A whole number that needs 64 bits (the seed); described as {@link Long}. */
    LONG("64-bit integer"),
    /** An exact decimal, e.g. a rate; described as the {@link BigDecimal} written (trailing zeros removed). */
    DECIMAL("exact decimal"),
    /** An ISO date {@code YYYY-MM-DD}; described as its ISO text. */
    DATE("date");

    /** The safe-name rule of {@link #ID}: letters, digits, '_' and '-', 1 to 64 of them. */
    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String ID_RULE = "use 1 to 64 letters, digits, '_' or '-'";

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    /** The name the configuration reference shows. */
    public String label() {
        return label;
    }

    boolean isNumber() {
        return this == INTEGER || this == LONG || this == DECIMAL;
    }

    /** A default written in a declaration, in the form the model keeps: String, BigDecimal or LocalDate. */
    Object parse(String text) {
        return switch (this) {
            case ID -> text;
            case INTEGER, LONG, DECIMAL -> ScenarioConfigReader.canonical(new BigDecimal(text));
            case DATE -> LocalDate.parse(text);
        };
    }

    /**
     * The run-record shape of a value kept as String, BigDecimal or LocalDate: String for ids and
     * dates, Integer, Long or BigDecimal for numbers; null stays null (an unset key).
     */
    Object describe(Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case ID -> value;
            case INTEGER -> ((BigDecimal) value).intValueExact();
            case LONG -> ((BigDecimal) value).longValueExact();
            case DECIMAL -> value;
            case DATE -> value.toString();
        };
    }
}
