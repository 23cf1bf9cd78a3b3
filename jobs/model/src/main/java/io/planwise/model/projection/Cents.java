package io.planwise.model.projection;

/**
 * Money is integer cents. MODEL.md's {@code round} is half away from zero, which is what DuckDB's
 * {@code round(double)} does; {@link Math#round} rounds half up and differs for negatives, so it
 * is never used for money.
 */
public final class Cents {
    private Cents() {}

    /** Half away from zero, exact for |x| < 2^52 because x - trunc(x) is then exact. */
    public static long round(double x) {
        long whole = (long) x;
        double fraction = x - whole;
        if (fraction >= 0.5) {
            return whole + 1;
        }
        if (fraction <= -0.5) {
            return whole - 1;
        }
        return whole;
    }

    /** numerator / denominator rounded half away from zero, in integers only. */
    public static long divideRounded(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        long q = numerator / denominator;
        long r = numerator % denominator;
        if (Math.abs(r) * 2 >= denominator) {
            q += numerator < 0 ? -1 : 1;
        }
        return q;
    }
}
