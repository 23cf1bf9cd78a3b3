package io.planwise.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} (the process answers) and {@code /ready} (the warehouse was read); no key needed. */
final class HealthEndpoints {

    private final PublishWatcher watcher;

    HealthEndpoints(PublishWatcher watcher) {
        this.watcher = watcher;
    }

    void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Replies.send(ctx, null, Replies.json(Map.of("status", "ok")));
    }

    void ready(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> body = new LinkedHashMap<>();
        if (watcher.ready()) {
            // No scenario count: /ready needs no key, and how many tenants exist is not public.
            body.put("status", "ready");
        } else {
            ctx.status(503);
            body.put("status", "starting");
            body.put("reason", "The warehouse has not been read yet (no current/ directory so far).");
        }
        Replies.send(ctx, null, Replies.json(body));
    }
}
