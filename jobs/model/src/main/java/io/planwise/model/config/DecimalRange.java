package io.planwise.model.config;

import java.math.BigDecimal;

/** An inclusive range of exact decimals; {@code max} is null for "at least min". */
record DecimalRange(BigDecimal min, BigDecimal max) {

    static DecimalRange of(String min, String max) {
        return new DecimalRange(new BigDecimal(min), new BigDecimal(max));
    }

    static DecimalRange atLeast(String min) {
        return new DecimalRange(new BigDecimal(min), null);
    }

    boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
    }

    /** The problem text after the key path, e.g. {@code = 1.5 is out of range [0, 1]}. */
    String outOfRange(BigDecimal value) {
        String shown = "= " + value.toPlainString() + " is out of range";
        return max == null
                ? shown + ": it must be at least " + min.toPlainString()
                : shown + " [" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }
}
