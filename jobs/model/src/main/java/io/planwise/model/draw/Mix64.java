package io.planwise.model.draw;

/**
 * The 64-bit murmur finalizer, exactly DuckDB's {@code hash(x::UBIGINT)}, so the SQL models can
 * reproduce every draw.
 */
public final class Mix64 {
    private static final long MULTIPLIER = 0xD6E8FEB86659FD93L;

    private Mix64() {}

    public static long mix(long x) {
        x ^= x >>> 32;
        x *= MULTIPLIER;
        x ^= x >>> 32;
        x *= MULTIPLIER;
        x ^= x >>> 32;
        return x;
    }
}
