package io.planwise.warehouse;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run ids of the form {@code yyyyMMdd'T'HHmmssSSS'Z'-xxxxxxxx} (UTC, then 8 lowercase hex digits),
 * for example {@code 20250114T093012345Z-3fa94c1e}.
 *
 * <p>The timestamp prefix makes a plain string sort order equal creation order, which retention and
 * people listing {@code runs/} rely on. The suffix makes ids from different processes unique; within
 * one JVM, ids created in the same millisecond take the previous suffix plus one, so they are unique
 * and still sort in creation order (the same trick as monotonic ULIDs). The first suffix in a
 * millisecond is random below 2^31, which leaves room for 2^31 more ids in that millisecond.
 */
public final class RunIds {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Pattern RUN_ID = Pattern.compile("(\\d{8}T\\d{9}Z)-([0-9a-f]{8})");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Object LOCK = new Object();
    private static long lastMillis = Long.MIN_VALUE;
    private static long lastSuffix;

    private RunIds() {}

    /** A new run id stamped with the clock's current instant. */
    public static String next(Clock clock) {
        long millis = clock.millis();
        long suffix;
        synchronized (LOCK) {
            if (millis == lastMillis) {
                suffix = lastSuffix + 1;
                if (suffix > 0xFFFF_FFFFL) {
                    throw new IllegalStateException(
                            "More run ids were requested in one millisecond than the 8 hex digit suffix can hold.");
                }
            } else {
                suffix = RANDOM.nextInt() & 0x7FFF_FFFFL;
            }
            lastMillis = millis;
            lastSuffix = suffix;
        }
        return FORMAT.format(Instant.ofEpochMilli(millis)) + "-" + String.format(Locale.ROOT, "%08x", suffix);
    }

    /** The creation instant encoded in a run id, or empty if the id is not in the {@link RunIds} format. */
    public static Optional<Instant> timestampOf(String runId) {
        if (runId == null) {
            return Optional.empty();
        }
        Matcher m = RUN_ID.matcher(runId);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(FORMAT.parse(m.group(1))));
        } catch (DateTimeParseException e) {
            // e.g. month 13: the shape matched, but it is not a time.
            return Optional.empty();
        }
    }
}
