package io.planwise.api;

import io.javalin.http.Context;
import io.planwise.warehouse.RunManifest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * ETag and Last-Modified of an answer drawn from published runs.
 *
 * <p>An answer is a pure function of its URL, its format and the runs it read, so the run id is a
 * strong validator: {@code "<run_id>"} for one scenario, {@code "runs-<hash>"} over every
 * {@code scenario=run} pair for answers spanning scenarios, the run id and the state of the committed
 * actuals for plan-vs-actual answers, with {@code -csv} or {@code -xlsx} appended for CSV and
 * workbooks so two representations never share a tag. Last-Modified is the (latest) publish time. Only
 * If-None-Match is honoured: HTTP dates have whole seconds, and two publishes within one second must
 * not look unchanged.
 */
record Validators(String etag, Instant lastModified) {

    static Validators of(RunManifest run, ResponseFormat format) {
        return new Validators(tag(run.runId(), format), run.publishedAt());
    }

    static Validators of(Collection<RunManifest> runs, ResponseFormat format) {
        Instant latest = runs.stream().map(RunManifest::publishedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return new Validators(tag(runsTag(runs), format), latest);
    }

    /** {@code runs-<hash>} over every {@code scenario=run} pair: names the set of runs an answer read. */
    static String runsTag(Collection<RunManifest> runs) {
        StringBuilder pairs = new StringBuilder();
        runs.stream().sorted(Comparator.comparing(RunManifest::scenarioId))
                .forEach(m -> pairs.append(m.scenarioId()).append('=').append(m.runId()).append('\n'));
        return "runs-" + HexFormat.of().formatHex(ApiKeys.sha256(pairs.toString())).substring(0, 20);
    }

    /**
     * An answer drawn from one run and from the streaming actuals, which change without a publish:
     * {@code "<run_id>-actuals-<state>"}, where the state changes with every committed actuals file;
     * Last-Modified is the later of the publish and the newest actuals file.
     */
    static Validators of(RunManifest run, ActualsFiles.Snapshot actuals, ResponseFormat format) {
        Instant newest = actuals.newest();
        return new Validators(tag(run.runId() + "-actuals-" + actuals.state(), format),
                newest.isAfter(run.publishedAt()) ? newest : run.publishedAt());
    }

    private static String tag(String value, ResponseFormat format) {
        return "\"" + value + (format == ResponseFormat.JSON ? "" : "-" + format.extension()) + "\"";
    }

    /** Whether an If-None-Match header names this answer's tag (weak comparison, as RFC 9110 asks). */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.length() > 4096) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Sets ETag, Last-Modified and the caching rules on the response. */
    void apply(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        // Private: answers depend on the caller's key. no-cache: revalidate every time, which is cheap (304).
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("Vary", "Accept, Authorization, X-API-Key");
    }

    /** Answers 304 and returns true if the caller already has this answer. */
    boolean answerNotModified(Context ctx) {
        if (!matches(ctx.header("If-None-Match"))) {
            return false;
        }
        apply(ctx);
        ctx.status(304);
        return true;
    }
}
