package io.planwise.model.config;

import java.math.BigDecimal;

/** An inclusive range of exact decimals; {@code max} is null for "at least min". */
record DecimalRange(BigDecimal min, BigDecimal max) {
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    static DecimalRange of(String min, String max) {
        return new DecimalRange(new BigDecimal(min), new BigDecimal(max));
    }

    static DecimalRange atLeast(String min) {
        return new DecimalRange(new BigDecimal(min), null);
    }

    boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
    }

    /** True when every value in the range lies in [low, high]. */
    boolean within(long low, long high) {
        return min.compareTo(BigDecimal.valueOf(low)) >= 0 && max != null && max.compareTo(BigDecimal.valueOf(high)) <= 0;
    }

    /** The problem text after the key path, e.g. {@code = 1.5 is out of range [0, 1]}. */
    String outOfRange(BigDecimal value) {
        String shown = "= " + value.toPlainString() + " is out of range";
        return max == null
                ? shown + ": it must be at least " + min.toPlainString()
                : shown + " [" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }

    /** The range for planners, e.g. {@code 0 … 1} or {@code ≥ 0}. */
    String describe() {
        if (max == null) {
            return "≥ " + min.toPlainString();
        }
        String upper = max.equals(LONG_MAX) ? "2^63 − 1" : max.toPlainString();
        return min.toPlainString() + " … " + upper;
    }
}
