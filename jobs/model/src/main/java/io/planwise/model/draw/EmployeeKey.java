package io.planwise.model.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code key(id)}: the lower 64 bits of MD5(UTF-8 id) read as a little-endian 128-bit number, which is
 * DuckDB's {@code md5_number_lower(id)}: digest bytes 8..15, byte 8 the least significant.
 */
public final class EmployeeKey {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships MD5", e);
        }
    });

    private EmployeeKey() {}

    public static long of(String employeeId) {
        byte[] d = MD5.get().digest(employeeId.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 15; i >= 8; i--) {
            v = (v << 8) | (d[i] & 0xFFL);
        }
        return v;
    }
}
