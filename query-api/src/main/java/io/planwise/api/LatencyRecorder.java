package io.planwise.api;

import java.util.Arrays;

/** Latencies of one benchmark client, in nanoseconds; merged and sorted once the phase is over. */
final class LatencyRecorder {

    private long[] nanos = new long[4096];
    private int count;
    private int errors;

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    void error() {
        errors++;
    }

    /** Everything the clients of one phase recorded. */
    static Summary merge(Iterable<LatencyRecorder> recorders, double seconds) {
        int total = 0;
        int errors = 0;
        for (LatencyRecorder r : recorders) {
            total += r.count;
            errors += r.errors;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.nanos, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        return new Summary(total, errors, seconds, percentile(all, 0.50), percentile(all, 0.99),
                total == 0 ? 0 : all[total - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        // Nearest rank: the smallest value with at least p of all values at or below it.
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** One endpoint's figures. */
    record Summary(int requests, int errors, double seconds, long p50Nanos, long p99Nanos, long maxNanos) {
        double perSecond() {
            return requests / seconds;
        }
    }
}
