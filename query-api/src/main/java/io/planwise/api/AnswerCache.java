package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered answers of the summary-sized endpoints, by run and request.
 *
 * <p>A published run never changes, and an answer is a function of its endpoint, its runs, its
 * parameters and its format (see {@link QueryApiServer}), so an answer computed once for a run is the
 * answer for as long as that run is current; the key holds the run ids, so a publish simply leads to
 * new keys and the old entries age out. Only reached after the key and scope checks, so it never
 * changes who may see what. Bounded in bytes; least recently used answers go first.
 */
final class AnswerCache {

    /** Answers larger than this are not kept: those are pages of big marts, cheap to miss. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final long maxBytes;
    /** Guarded by this; access order, eldest first. */
    private final Map<String, Replies.Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    AnswerCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached answer for {@code key}, or the one {@code compute} makes (cached when small enough). */
    Replies.Answer get(String key, Supplier<Replies.Answer> compute) {
        synchronized (this) {
            Replies.Answer hit = answers.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Computed outside the lock: two requests may compute the same answer once each, which is
        // cheaper than making every other request wait.
        Replies.Answer answer = compute.get();
        if (answer.body().length <= MAX_ANSWER_BYTES && answer.body().length <= maxBytes) {
            synchronized (this) {
                Replies.Answer previous = answers.put(key, answer);
                bytes += answer.body().length - (previous == null ? 0 : previous.body().length);
                Iterator<Replies.Answer> eldest = answers.values().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    bytes -= eldest.next().body().length;
                    eldest.remove();
                }
            }
        }
        return answer;
    }

    /** {@code endpoint|scenario=run,...|format|name=value&...}, parameters sorted by name, values encoded. */
    static String key(String endpoint, List<RunManifest> runs, ResponseFormat format, RequestParameters params) {
        StringBuilder key = new StringBuilder(endpoint).append('|');
        for (RunManifest run : runs) {
            key.append(run.scenarioId()).append('=').append(run.runId()).append(',');
        }
        key.append('|').append(format).append('|');
        for (String name : params.names()) {
            for (String value : params.all(name)) {
                key.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return key.toString();
    }
}
