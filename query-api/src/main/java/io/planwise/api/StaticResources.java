package io.planwise.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The files served as they are: the OpenAPI document and the web page. Each is a fixed classpath
 * resource bound to a fixed route, so no request path ever reaches a file lookup.
 */
final class StaticResources {

    private static final String BASE = "/io/planwise/api/";

    /**
     * Scripts and styles from this server only, no inline script, no framing, and fetch() only to this
     * server: the page shows data from census files and must not be able to run any of it.
     */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] openApi = load("openapi.json");
    private final byte[] page = load("web/index.html");
    private final byte[] script = load("web/app.js");
    private final byte[] style = load("web/app.css");

    /** Binds "/", the page's files and /openapi.json. */
    void serve(Javalin app) {
        QueryApiServer.get(app, "/", this::page);
        QueryApiServer.get(app, "/app.js", this::script);
        QueryApiServer.get(app, "/app.css", this::style);
        QueryApiServer.get(app, "/openapi.json", this::openApi);
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openApi);
    }

    void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    void script(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    void style(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").result(style);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticResources.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + BASE + name + " is missing from the jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
