package io.planwise.model.draw;

/**
 * Draws for one (seed, trial). Callers keep {@link #employeeBase} per employee (it needs one MD5)
 * and derive every yearly draw from it with three mixes.
 */
public final class RandomDraws implements java.io.Serializable {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final long seedKey;

    public RandomDraws(long seed, int trial) {
        this.seedKey = seedKey(seed, trial);
    }

    public static long seedKey(long seed, int trial) {
        return Mix64.mix(seed ^ ((long) trial << 40) ^ GOLDEN_GAMMA);
    }

    public long seedKey() {
        return seedKey;
    }

    /** mm64(key(id) XOR seed_key): the per-employee prefix shared by all draws and event ids. */
    public long employeeBase(String employeeId) {
        return employeeBase(EmployeeKey.of(employeeId));
    }

    /** The same from a key(id) computed once for every trial. */
    public long employeeBase(long employeeKey) {
        return Mix64.mix(employeeKey ^ seedKey);
    }

    public static long draw(long employeeBase, int year, DrawStream stream) {
        return Mix64.mix(Mix64.mix(employeeBase ^ year) ^ stream.number);
    }

    /** u = (draw >>> 11) x 2^-53, a double in [0, 1). */
    public static double uniform(long draw) {
        return (draw >>> 11) * TWO_POW_MINUS_53;
    }

    public static double uniform(long employeeBase, int year, DrawStream stream) {
        return uniform(draw(employeeBase, year, stream));
    }

    /** draw mod n, reading the draw as unsigned. */
    public static long below(long draw, long n) {
        return Long.remainderUnsigned(draw, n);
    }

    /**
     * Categorical choice among integer weights: r = draw mod total, the first index whose
     * cumulative weight exceeds r. No floating point, so both engines agree.
     */
    public static int categorical(long draw, long[] weights, long total) {
        long r = below(draw, total);
        long cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (cumulative > r) {
                return i;
            }
        }
        throw new IllegalArgumentException("weights sum to less than their stated total " + total);
    }

    /** EVT_ + 16 lower-case hex of mm64(employeeBase XOR (year x 16 + type code)). */
    public static String eventId(long employeeBase, int year, int typeCode) {
        long h = Mix64.mix(employeeBase ^ ((long) year * 16 + typeCode));
        // One array filled in place: a detail run makes one id per event, millions of them.
        byte[] id = {'E', 'V', 'T', '_', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = id.length - 1; i >= 4; i--, h >>>= 4) {
            id[i] = HEX[(int) (h & 0xF)];
        }
        return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
